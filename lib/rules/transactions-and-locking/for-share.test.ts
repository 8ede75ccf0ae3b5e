import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./for-share";

const BAD = "SELECT * FROM t FOR SHARE;\nSELECT * FROM t FOR NO KEY UPDATE;";

describe("for-share", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, ""],
      [2, ""],
    ]);
    expect(found[0].message).toContain("FOR SHARE is not supported");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "SELECT * FROM t FOR UPDATE;\nSELECT * FROM t FOR KEY SHARE;\nSELECT 'FOR SHARE';")).toEqual([]);
  });
});
