import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./too-many-indexes";

const indexes = (n: number) => Array.from({ length: n }, (_, i) => `CREATE INDEX ASYNC i${i} ON t (c${i % 3});`).join("\n");

describe("too-many-indexes", () => {
  it("counts the primary key and unique constraints toward 24", async () => {
    const found = await findingsOf(rule, `CREATE TABLE t (id int PRIMARY KEY, c0 int UNIQUE, c1 int, c2 int);\n${indexes(23)}`);
    expect(found).toHaveLength(1);
    expect([found[0].line, found[0].object.name]).toEqual([1, "t"]);
    expect(found[0].message).toContain("25 indexes (2 from primary key/unique constraints)");
  });

  it("accepts 24, and dropped indexes free a slot", async () => {
    expect(await findingsOf(rule, `CREATE TABLE t (id int PRIMARY KEY, c0 int, c1 int, c2 int);\n${indexes(23)}`)).toEqual([]);
    expect(await findingsOf(rule, `CREATE TABLE t (id int PRIMARY KEY, c0 int, c1 int, c2 int);\n${indexes(24)}\nDROP INDEX i0;`)).toEqual(
      [],
    );
  });
});
