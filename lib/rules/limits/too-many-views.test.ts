import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./too-many-views";

const views = (n: number) => Array.from({ length: n }, (_, i) => `CREATE VIEW v${i} AS SELECT ${i} AS n;`).join("\n");

describe("too-many-views", () => {
  it("flags the 5,001st view", async () => {
    const found = await findingsOf(rule, views(5001));
    expect(found).toHaveLength(1);
    expect([found[0].line, found[0].object.name]).toEqual([5001, "v5000"]);
    expect(found[0].message).toContain("5001 views");
  });

  it("accepts 5,000 views; materialized views are another rule's", async () => {
    expect(await findingsOf(rule, `${views(5000)}\nCREATE MATERIALIZED VIEW mv AS SELECT 1;`)).toEqual([]);
  });
});
