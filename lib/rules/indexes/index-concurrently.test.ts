import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./index-concurrently";

describe("index-concurrently", () => {
  it("flags CREATE INDEX CONCURRENTLY and DROP INDEX CONCURRENTLY", async () => {
    const found = await findingsOf(
      rule,
      "CREATE TABLE t (id int PRIMARY KEY, a int);\nCREATE INDEX CONCURRENTLY t_a ON t (a);\nDROP INDEX CONCURRENTLY public.t_a;",
    );
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "t_a"],
      [3, "t_a"],
    ]);
    expect(found[0].message).toContain("CREATE INDEX ASYNC");
    expect(found[1].message).toContain("DROP INDEX CONCURRENTLY");
  });

  it("accepts CREATE INDEX ASYNC and plain DROP INDEX", async () => {
    expect(await findingsOf(rule, "CREATE INDEX ASYNC t_a ON t (a);\nDROP INDEX t_a;\nCREATE INDEX concurrently_idx ON t (a);")).toEqual(
      [],
    );
  });
});
