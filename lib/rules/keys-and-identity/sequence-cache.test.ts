import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./sequence-cache";

describe("sequence-cache", () => {
  it("flags sequences without CACHE or with CACHE 2–65535", async () => {
    const found = await findingsOf(rule, "CREATE SEQUENCE a;\nCREATE SEQUENCE b CACHE 20;\nALTER SEQUENCE c CACHE 100;");
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ]);
    expect(found[0].message).toContain("has no CACHE");
    expect(found[1].message).toContain("CACHE 20");
  });

  it("accepts CACHE 1 and CACHE ≥ 65536, and is not active before sequences existed", async () => {
    expect(await findingsOf(rule, "CREATE SEQUENCE a CACHE 1;\nCREATE SEQUENCE b CACHE 65536;\nALTER SEQUENCE b RESTART 5;")).toEqual([]);
    expect(await findingsOf(rule, "CREATE SEQUENCE a;", "2026-01-01")).toEqual([]);
  });
});
