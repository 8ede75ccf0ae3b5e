import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./select-for-update";

const BAD = "SELECT 1;\nSELECT * FROM account WHERE id = 1 FOR UPDATE;\nCREATE VIEW v AS SELECT * FROM t FOR UPDATE;";

describe("select-for-update", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, ""],
      [3, "v"],
    ]);
    expect(found[0].message).toContain("takes no lock");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "SELECT * FROM t FOR SHARE;\nUPDATE t SET a = 1;\nSELECT 'FOR UPDATE';")).toEqual([]);
  });
});
