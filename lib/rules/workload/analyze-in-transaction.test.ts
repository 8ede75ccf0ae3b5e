import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./analyze-in-transaction";

const BAD = "ANALYZE;\nBEGIN;\nANALYZE film;\nCOMMIT;";

describe("analyze-in-transaction", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, ""],
      [3, "film"],
    ]);
    expect(found[0].message).toContain("names no table");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "ANALYZE film;\nBEGIN;\nCOMMIT;\nANALYZE actor;\nVACUUM;")).toEqual([]);
  });
});
