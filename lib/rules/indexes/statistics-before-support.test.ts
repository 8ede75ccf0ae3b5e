import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./statistics-before-support";

const BAD = "CREATE STATISTICS s1 ON a, b FROM t;\nALTER STATISTICS s1 SET STATISTICS 100;\nDROP STATISTICS s1;";

describe("statistics-before-support", () => {
  it("flags the unsupported forms before 2026-08-27", async () => {
    const found = await findingsOf(rule, BAD, "2026-08-26");
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "s1"],
      [2, "s1"],
      [3, "s1"],
    ]);
    expect(found[0].message).toContain("not supported before 2026-08-27");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(
      await findingsOf(rule, "CREATE TABLE statistics (id int);\nALTER TABLE t ALTER COLUMN a SET STATISTICS 100;", "2026-08-26"),
    ).toEqual([]);
  });

  it("is silent from 2026-08-27", async () => {
    expect(await findingsOf(rule, BAD, "2026-08-27")).toEqual([]);
  });
});
