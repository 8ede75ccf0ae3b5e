import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./prepare-transaction";

const BAD = "BEGIN;\nPREPARE TRANSACTION 'tx1';\nCOMMIT PREPARED 'tx1';";

describe("prepare-transaction", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, ""],
      [3, ""],
    ]);
    expect(found[0].message).toContain("PREPARE TRANSACTION 'tx1'");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "PREPARE q AS SELECT 1;\nBEGIN;\nCOMMIT;")).toEqual([]);
  });
});
