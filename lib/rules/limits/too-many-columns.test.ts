import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./too-many-columns";

const table = (name: string, n: number) => `CREATE TABLE ${name} (${Array.from({ length: n }, (_, i) => `c${i} int`).join(", ")});`;

describe("too-many-columns", () => {
  it("flags a table with more than 255 columns, counting columns added later", async () => {
    const found = await findingsOf(rule, `CREATE TABLE ok (id int);\n${table("wide", 255)}\nALTER TABLE wide ADD COLUMN extra int;`);
    expect(found).toHaveLength(1);
    expect([found[0].line, found[0].object.name]).toEqual([2, "wide"]);
    expect(found[0].message).toContain("has 256 columns");
  });

  it("accepts exactly 255 columns", async () => {
    expect(await findingsOf(rule, table("wide", 255))).toEqual([]);
  });
});
