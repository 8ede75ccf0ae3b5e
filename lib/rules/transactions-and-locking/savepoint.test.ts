import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./savepoint";

const BAD = "BEGIN;\nSAVEPOINT s1;\nROLLBACK TO SAVEPOINT s1;\nRELEASE SAVEPOINT s1;\nCOMMIT;";

describe("savepoint", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "s1"],
      [3, "s1"],
      [4, "s1"],
    ]);
    expect(found[0].message).toContain("SAVEPOINT s1");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "BEGIN;\nROLLBACK;\nCREATE TABLE savepoint (id int);")).toEqual([]);
  });
});
