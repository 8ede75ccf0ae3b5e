import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./storage-parameters";

describe("storage-parameters", () => {
  it("flags WITH (…) on CREATE TABLE, and ALTER TABLE SET/RESET (…)", async () => {
    const sql =
      "CREATE TABLE rnc (id int PRIMARY KEY)\nWITH (autovacuum_vacuum_scale_factor='0.05');\nALTER TABLE rnc SET (fillfactor = 70), RESET (autovacuum_enabled);\nALTER TABLE rnc ALTER COLUMN id SET (n_distinct = 100);";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "rnc"],
      [3, "rnc"],
      [3, "rnc"],
      [4, "rnc.id"],
    ]);
    expect(found[0].message).toContain("WITH (autovacuum_vacuum_scale_factor)");
    expect(found[1].message).toContain("SET (fillfactor)");
  });

  it("accepts tables without options, CTEs (WITH) and index options (another rule)", async () => {
    const sql =
      "CREATE TABLE t (id int PRIMARY KEY);\nWITH x AS (SELECT 1) SELECT * FROM x;\nCREATE INDEX ASYNC i ON t (id) WITH (fillfactor = 70);\nALTER TABLE t ALTER COLUMN id SET STORAGE PLAIN;";
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
