import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./domain-constraint-change";

describe("domain-constraint-change", () => {
  it("flags ALTER DOMAIN ADD CONSTRAINT and SET NOT NULL", async () => {
    const found = await findingsOf(
      rule,
      "CREATE DOMAIN year AS integer;\nALTER DOMAIN year ADD CONSTRAINT year_check CHECK (VALUE > 1900);\nALTER DOMAIN year SET NOT NULL;",
    );
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "year"],
      [3, "year"],
    ]);
    expect(found[1].message).toContain("SET NOT NULL");
  });

  it("accepts constraints in CREATE DOMAIN and ALTER DOMAIN SET DEFAULT", async () => {
    expect(
      await findingsOf(rule, "CREATE DOMAIN year AS integer CHECK (VALUE > 1900) NOT NULL;\nALTER DOMAIN year SET DEFAULT 2000;"),
    ).toEqual([]);
  });
});
