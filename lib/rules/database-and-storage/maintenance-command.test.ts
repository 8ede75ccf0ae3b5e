import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./maintenance-command";

describe("maintenance-command", () => {
  it("flags VACUUM, VACUUM ANALYZE, CLUSTER and REINDEX", async () => {
    const sql = "VACUUM;\nVACUUM (ANALYZE) rental;\nCLUSTER rental USING rental_pkey;\nREINDEX TABLE rental;\nREINDEX INDEX rental_pkey;";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.kind, f.object.name])).toEqual([
      [1, "statement", "VACUUM"],
      [2, "table", "rental"],
      [3, "table", "rental"],
      [4, "table", "rental"],
      [5, "index", "rental_pkey"],
    ]);
    expect(found[1].message).toContain("keep a plain ANALYZE");
  });

  it("accepts plain ANALYZE and text mentioning VACUUM", async () => {
    expect(
      await findingsOf(rule, "ANALYZE rental;\nANALYZE;\nSELECT 'VACUUM FULL' AS note;\nCREATE TABLE cluster (id int PRIMARY KEY);"),
    ).toEqual([]);
  });
});
