import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./unlogged-table";

describe("unlogged-table", () => {
  it("flags CREATE UNLOGGED TABLE", async () => {
    const found = await findingsOf(rule, "CREATE TABLE a (id int PRIMARY KEY);\nCREATE UNLOGGED TABLE public.cache (id int PRIMARY KEY);");
    expect(found).toHaveLength(1);
    expect([found[0].line, found[0].object.name, found[0].fix]).toEqual([2, "cache", "auto"]);
    expect(found[0].message).toContain("public.cache is UNLOGGED");
  });

  it("accepts ordinary tables and a column named unlogged", async () => {
    expect(await findingsOf(rule, "CREATE TABLE logs (id int PRIMARY KEY, unlogged boolean);")).toEqual([]);
  });
});
