import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./deferrable-constraint";

describe("deferrable-constraint", () => {
  it("flags DEFERRABLE on primary keys and unique constraints, table- and column-level (PostgreSQL itself refuses DEFERRABLE CHECK)", async () => {
    const sql = [
      "CREATE TABLE seat (no int PRIMARY KEY DEFERRABLE, code text UNIQUE DEFERRABLE INITIALLY DEFERRED,",
      "  CONSTRAINT seat_code_key UNIQUE (code) DEFERRABLE);",
      "ALTER TABLE seat ADD CONSTRAINT seat_no_key UNIQUE (no) DEFERRABLE INITIALLY DEFERRED;",
    ].join("\n");
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name]).sort()).toEqual([
      [1, "seat.code unique constraint"],
      [1, "seat.no primary key"],
      [2, "seat.seat_code_key"],
      [3, "seat.seat_no_key"],
    ]);
    expect(found.find((f) => f.line === 2)!.message).toContain("unique constraint seat_code_key of public.seat is DEFERRABLE");
  });

  it("accepts deferrable foreign keys and NOT DEFERRABLE", async () => {
    const sql =
      "CREATE TABLE c (id int PRIMARY KEY NOT DEFERRABLE, p int REFERENCES p DEFERRABLE INITIALLY DEFERRED,\n  CONSTRAINT c_p FOREIGN KEY (p) REFERENCES p (id) DEFERRABLE, UNIQUE (p) NOT DEFERRABLE INITIALLY IMMEDIATE);";
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
