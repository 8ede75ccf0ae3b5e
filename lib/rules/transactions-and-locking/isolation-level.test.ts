import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./isolation-level";

const BAD =
  "BEGIN ISOLATION LEVEL SERIALIZABLE;\nCOMMIT;\nSET TRANSACTION ISOLATION LEVEL READ COMMITTED;\nSET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED;\nSET default_transaction_isolation = 'serializable';\nSTART TRANSACTION ISOLATION LEVEL READ UNCOMMITTED;";

describe("isolation-level", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, ""],
      [3, ""],
      [4, ""],
      [5, ""],
      [6, ""],
    ]);
    expect(found[0].message).toContain("SERIALIZABLE");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(
      await findingsOf(
        rule,
        "BEGIN ISOLATION LEVEL REPEATABLE READ;\nCOMMIT;\nBEGIN;\nCOMMIT;\nSET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY;\nSET default_transaction_isolation = 'repeatable read';\nSELECT 'ISOLATION LEVEL SERIALIZABLE';",
      ),
    ).toEqual([]);
  });
});
