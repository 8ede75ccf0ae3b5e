import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./index-not-async";

describe("index-not-async", () => {
  it("flags CREATE INDEX and CREATE UNIQUE INDEX without ASYNC, at the statement's line", async () => {
    const found = await findingsOf(
      rule,
      "CREATE TABLE t (id int PRIMARY KEY, a int);\n\nCREATE INDEX t_a ON t (a);\nCREATE UNIQUE INDEX t_a2 ON t (a);",
    );
    expect(found.map((f) => [f.line, f.column, f.object.name])).toEqual([
      [3, 1, "t_a"],
      [4, 1, "t_a2"],
    ]);
    expect(found[0].severity).toBe("blocker");
    expect(found[0].fix).toBe("auto");
  });

  it("accepts DSQL's CREATE INDEX ASYNC, which PostgreSQL alone would parse as an index named async", async () => {
    expect(await findingsOf(rule, "CREATE INDEX ASYNC t_a ON t (a);\nCREATE UNIQUE INDEX ASYNC ON t (a);")).toEqual([]);
  });

  it("does not mistake an index named async for the keyword", async () => {
    const found = await findingsOf(rule, 'CREATE INDEX "async" ON t (a);');
    expect(found).toHaveLength(1);
  });
});
