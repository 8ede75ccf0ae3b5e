import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./nowait-skip-locked";

const BAD = "SELECT id FROM jobs LIMIT 1 FOR UPDATE SKIP LOCKED;\nSELECT * FROM t FOR UPDATE NOWAIT;";

describe("nowait-skip-locked", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, ""],
      [2, ""],
    ]);
    expect(found[0].message).toContain("SKIP LOCKED");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "SELECT * FROM t FOR UPDATE;\nSELECT nowait, skip_locked FROM t;")).toEqual([]);
  });
});
