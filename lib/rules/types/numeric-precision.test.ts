import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./numeric-precision";

describe("numeric-precision", () => {
  it("flags precision above 38 before 2026-08-25", async () => {
    const found = await findingsOf(rule, "CREATE TABLE ledger (id int PRIMARY KEY,\n  amount numeric(50,2));", "2026-08-24");
    expect(found).toHaveLength(1);
    expect(found[0].line).toBe(2);
    expect(found[0].object.name).toBe("ledger.amount");
    expect(found[0].message).toContain("precision 38");
  });

  it("accepts precision up to 1000 from 2026-08-25, and 38 before", async () => {
    expect(await findingsOf(rule, "CREATE TABLE l (a numeric(50,2), b numeric(1000,10));", "2026-08-25")).toEqual([]);
    expect(await findingsOf(rule, "CREATE TABLE l (a numeric(38,37));", "2026-01-01")).toEqual([]);
  });
});
