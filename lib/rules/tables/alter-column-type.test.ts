import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./alter-column-type";

describe("alter-column-type", () => {
  it("flags ALTER COLUMN … TYPE and SET DATA TYPE", async () => {
    const found = await findingsOf(
      rule,
      "ALTER TABLE payment ALTER COLUMN amount TYPE numeric(12,2);\nALTER TABLE payment ALTER amount SET DATA TYPE bigint USING amount::bigint;",
    );
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "payment.amount"],
      [2, "payment.amount"],
    ]);
    expect(found[0].message).toContain("to numeric(12,2)");
  });

  it("accepts other column changes and ALTER TYPE on enums", async () => {
    expect(
      await findingsOf(
        rule,
        "ALTER TABLE payment ALTER COLUMN amount SET DEFAULT 0;\nALTER TYPE mood ADD VALUE 'meh';\nALTER TABLE payment RENAME COLUMN type TO kind;",
      ),
    ).toEqual([]);
  });
});
