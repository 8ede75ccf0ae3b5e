import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./array-column";

describe("array-column", () => {
  it("flags array columns and domains", async () => {
    const found = await findingsOf(
      rule,
      "CREATE TABLE film (id int PRIMARY KEY,\n  special_features text[], m int ARRAY);\nCREATE DOMAIN tags AS varchar(20)[];",
    );
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "film.special_features"],
      [2, "film.m"],
      [3, "tags"],
    ]);
    expect(found[0].message).toContain("text[]");
  });

  it("ignores arrays at runtime", async () => {
    expect(await findingsOf(rule, "SELECT array_agg(x), ARRAY[1,2]::int[] FROM t WHERE id = ANY('{1}'::int[]);")).toEqual([]);
  });
});
