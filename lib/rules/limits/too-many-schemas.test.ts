import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./too-many-schemas";

const schemas = (n: number) => Array.from({ length: n }, (_, i) => `CREATE SCHEMA s${i + 1};`).join("\n");

describe("too-many-schemas", () => {
  it("flags an 11th schema besides public, once, at that schema", async () => {
    const found = await findingsOf(rule, `CREATE SCHEMA public;\n${schemas(12)}`);
    expect(found).toHaveLength(1);
    expect([found[0].line, found[0].object.name]).toEqual([12, "s11"]);
    expect(found[0].message).toContain("12 schemas besides public");
  });

  it("accepts 10 schemas plus public and sys", async () => {
    expect(await findingsOf(rule, `CREATE SCHEMA public;\nCREATE SCHEMA sys;\n${schemas(10)}`)).toEqual([]);
  });
});
