import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./create-table-as";

describe("create-table-as", () => {
  it("flags CREATE TABLE AS and SELECT INTO", async () => {
    const found = await findingsOf(rule, "CREATE TABLE film_backup AS SELECT * FROM film;\nSELECT * INTO film_copy FROM film;");
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "film_backup"],
      [2, "film_copy"],
    ]);
    expect(found[0].message).toContain("CREATE TABLE AS");
    expect(found[1].message).toContain("SELECT … INTO film_copy");
  });

  it("leaves materialized views to their rule and plain SELECT/INSERT … SELECT alone", async () => {
    const sql =
      "CREATE MATERIALIZED VIEW mv AS SELECT 1;\nINSERT INTO film_backup SELECT * FROM film;\nSELECT 'CREATE TABLE x AS SELECT 1';";
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
