import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./temporary-view";

const BAD = "CREATE TEMP VIEW recent AS SELECT 1;\nCREATE TEMPORARY VIEW r2 AS SELECT 2;";

describe("temporary-view", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "recent"],
      [2, "r2"],
    ]);
    expect(found[0].message).toContain("temporary view recent");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "CREATE VIEW recent AS SELECT 1;\nCREATE TEMP TABLE tmp (id int);")).toEqual([]);
  });
});
