import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./for-key-share-before-support";

const BAD = "SELECT 1;\nSELECT * FROM t FOR KEY SHARE;";

describe("for-key-share-before-support", () => {
  it("flags the unsupported forms before 2026-08-25", async () => {
    const found = await findingsOf(rule, BAD, "2026-08-24");
    expect(found.map((f) => [f.line, f.object.name])).toEqual([[2, ""]]);
    expect(found[0].message).toContain("before 2026-08-25");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "SELECT * FROM t FOR UPDATE;", "2026-08-24")).toEqual([]);
  });

  it("is silent from 2026-08-25", async () => {
    expect(await findingsOf(rule, BAD, "2026-08-25")).toEqual([]);
  });
});
