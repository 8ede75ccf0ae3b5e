import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./too-many-key-columns";

const cols = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);

describe("too-many-key-columns", () => {
  it("flags primary keys, unique constraints and indexes with more than 8 key columns", async () => {
    const sql = [
      `CREATE TABLE t (${cols(10)
        .map((c) => `${c} int`)
        .join(", ")}, PRIMARY KEY (${cols(9).join(", ")}));`,
      `ALTER TABLE t ADD CONSTRAINT t_uk UNIQUE (${cols(10).join(", ")});`,
      `CREATE INDEX ASYNC t_wide ON t (${cols(9).join(", ")});`,
    ].join("\n");
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "t.primary key"],
      [2, "t.t_uk"],
      [3, "t_wide"],
    ]);
    expect(found[1].message).toContain("10 key columns");
  });

  it("accepts 8 key columns plus INCLUDE columns", async () => {
    const sql = `CREATE TABLE t (${cols(10)
      .map((c) => `${c} int`)
      .join(", ")}, PRIMARY KEY (${cols(8).join(", ")}));\nCREATE INDEX ASYNC i ON t (${cols(8).join(", ")}) INCLUDE (c8, c9);`;
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
