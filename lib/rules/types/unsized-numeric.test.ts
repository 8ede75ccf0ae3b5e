import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./unsized-numeric";

describe("unsized-numeric", () => {
  it("flags numeric and decimal columns and domains without precision", async () => {
    const found = await findingsOf(rule, "CREATE TABLE rate (id int PRIMARY KEY, v numeric, w decimal);\nCREATE DOMAIN amount AS numeric;");
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "rate.v"],
      [1, "rate.w"],
      [2, "amount"],
    ]);
    expect(found[0].severity).toBe("warning");
    expect(found[0].message).toContain("numeric(18,6)");
  });

  it("ignores sized numerics and casts", async () => {
    expect(await findingsOf(rule, "CREATE TABLE r (v numeric(10,2), w numeric(5));\nSELECT 1::numeric;")).toEqual([]);
  });
});
