import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./rollback-left-out";

describe("rollback-left-out", () => {
  it("notes a dbmate down section and assesses none of it", async () => {
    const sql =
      "-- migrate:up\nCREATE TABLE t (id int PRIMARY KEY);\n\n-- migrate:down transaction:false\nDROP TABLE t;\nCREATE TABLE x (id serial);\n";
    const found = await findingsOf(rule, sql);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 4, severity: "advice" });
    expect(found[0].message).toBe(
      "-- migrate:down transaction:false (lines 4–6) left out: this dbmate down section undoes the migration, so it is not part of the schema to move",
    );
    // The serial column sits in the down section: no finding about it.
    expect(await findingsOf("serial-type", sql)).toEqual([]);
  });

  it("notes a down file given with its up file, and assesses a down file given alone", async () => {
    const down = "DROP TABLE t;\nCREATE TABLE old (id serial PRIMARY KEY);";
    const both = { "1_t.up.sql": "CREATE TABLE t (id uuid PRIMARY KEY);", "1_t.down.sql": down };
    expect((await findingsOf(rule, both)).map((f) => [f.file, f.message])).toEqual([
      ["1_t.down.sql", "down migration left out: it undoes 1_t.up.sql, so it is not part of the schema to move"],
    ]);
    expect(await findingsOf("serial-type", both)).toEqual([]);
    expect(await findingsOf(rule, { "1_t.down.sql": down })).toEqual([]);
    expect(await findingsOf("serial-type", { "1_t.down.sql": down })).toHaveLength(1);
  });
});
