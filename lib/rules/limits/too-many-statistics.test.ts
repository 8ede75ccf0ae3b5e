import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./too-many-statistics";

const stats = (n: number) => Array.from({ length: n }, (_, i) => `CREATE STATISTICS s${i} (dependencies) ON a, b FROM rental;`).join("\n");
const TABLE = "CREATE TABLE rental (id int PRIMARY KEY, a int, b int);";

describe("too-many-statistics", () => {
  it("flags a sixth CREATE STATISTICS on one table", async () => {
    const found = await findingsOf(rule, `${TABLE}\n${stats(6)}`);
    expect(found).toHaveLength(1);
    expect([found[0].line, found[0].object.name]).toEqual([1, "rental"]);
    expect(found[0].message).toContain("6 extended statistics");
  });

  it("accepts five, and is silent before DSQL had CREATE STATISTICS", async () => {
    expect(await findingsOf(rule, `${TABLE}\n${stats(5)}`)).toEqual([]);
    expect(await findingsOf(rule, `${TABLE}\n${stats(6)}`, "2026-08-26")).toEqual([]);
  });
});
