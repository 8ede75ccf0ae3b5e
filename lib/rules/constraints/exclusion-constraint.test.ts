import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./exclusion-constraint";

describe("exclusion-constraint", () => {
  it("flags EXCLUDE in CREATE TABLE and ALTER TABLE", async () => {
    const sql =
      "CREATE TABLE booking (room int, during tstzrange,\n  CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&));\nALTER TABLE booking ADD EXCLUDE USING gist (during WITH &&);";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "booking.no_overlap"],
      [3, "booking.exclusion"],
    ]);
    expect(found[0].message).toContain("USING gist");
  });

  it("accepts unique and check constraints", async () => {
    expect(
      await findingsOf(rule, "CREATE TABLE slot (room int, at timestamptz, excluded boolean, PRIMARY KEY (room, at), CHECK (room > 0));"),
    ).toEqual([]);
  });
});
