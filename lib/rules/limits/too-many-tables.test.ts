import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./too-many-tables";

const tables = (n: number, prefix = "t") =>
  Array.from({ length: n }, (_, i) => `CREATE TABLE ${prefix}${i} (id int PRIMARY KEY);`).join("\n");

describe("too-many-tables", () => {
  it("flags the 1,001st table", async () => {
    const found = await findingsOf(rule, tables(1001));
    expect(found).toHaveLength(1);
    expect([found[0].line, found[0].object.name]).toEqual([1001, "t1000"]);
    expect(found[0].message).toContain("1001 tables");
  });

  it("accepts 1,000 tables, not counting temporary tables or partitions", async () => {
    const sql = `${tables(1000)}\nCREATE TEMP TABLE tmp (id int);\nCREATE TABLE p1 PARTITION OF t0 FOR VALUES IN (1);`;
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
