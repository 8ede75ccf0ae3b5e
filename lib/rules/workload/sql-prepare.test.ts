import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./sql-prepare";

const BAD = "PREPARE q (int) AS SELECT $1;\nEXECUTE q(1);\nDEALLOCATE q;\nDISCARD ALL;\nLOAD 'auto_explain';";

describe("sql-prepare", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, ""],
      [2, ""],
      [3, ""],
      [4, ""],
      [5, ""],
    ]);
    expect(found[0].message).toContain("PREPARE q");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "DEALLOCATE ALL;\nSELECT 'PREPARE q AS SELECT 1';")).toEqual([]);
  });
});
