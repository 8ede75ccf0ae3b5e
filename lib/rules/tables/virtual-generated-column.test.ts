import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./virtual-generated-column";

describe("virtual-generated-column", () => {
  it("flags VIRTUAL and PostgreSQL 18's default (virtual) generated columns", async () => {
    const found = await findingsOf(
      rule,
      "CREATE TABLE t (a int PRIMARY KEY,\n  b int GENERATED ALWAYS AS (a * 2) VIRTUAL,\n  c int GENERATED ALWAYS AS (a + 1));",
    );
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "t.b"],
      [3, "t.c"],
    ]);
    expect(found[0].message).toContain("STORED");
  });

  it("accepts STORED generated columns and identity columns", async () => {
    expect(
      await findingsOf(
        rule,
        "CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED, id bigint GENERATED ALWAYS AS IDENTITY (CACHE 1));",
      ),
    ).toEqual([]);
  });
});
