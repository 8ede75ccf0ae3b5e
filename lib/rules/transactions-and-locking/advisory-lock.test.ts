import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./advisory-lock";

const BAD =
  "SELECT pg_try_advisory_lock(42);\nCREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_xact_lock(1); END $$;\nCREATE FUNCTION g() RETURNS bool LANGUAGE sql AS 'SELECT pg_advisory_unlock_all() IS NULL';";

describe("advisory-lock", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, ""],
      [2, "f"],
      [3, "g"],
    ]);
    expect(found[0].message).toContain("pg_try_advisory_lock() is not supported");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(
      await findingsOf(
        rule,
        "SELECT 'pg_advisory_lock(1)';\nCREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN -- pg_advisory_lock(1)\n RAISE NOTICE 'pg_advisory_lock(2)'; END $$;\nSELECT my_advisory_lock_table FROM t;",
      ),
    ).toEqual([]);
  });
});
