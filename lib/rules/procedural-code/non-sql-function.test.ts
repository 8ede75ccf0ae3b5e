import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./non-sql-function";

const BAD = "CREATE FUNCTION f() RETURNS int\n  LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;\nCREATE FUNCTION public.g() RETURNS trigger LANGUAGE plpythonu AS 'return 1';";

describe("non-sql-function", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([[2, "f"], [3, "g"]]);
    expect(found[0].message).toContain("plpgsql");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nCREATE FUNCTION g() RETURNS int RETURN 1;\nCREATE FUNCTION h() RETURNS int BEGIN ATOMIC SELECT 1; END;\nCREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN END $$;\nSELECT 'LANGUAGE plpgsql';")).toEqual([]);
  });
});
