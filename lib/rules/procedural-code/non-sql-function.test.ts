import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./non-sql-function";

const BAD =
  "CREATE FUNCTION f() RETURNS int\n  LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;\nCREATE FUNCTION public.g() RETURNS trigger LANGUAGE plpythonu AS 'return 1';";
const BEFORE_PLPGSQL = "2026-09-15";

describe("non-sql-function", () => {
  it("flags PL/pgSQL and other languages before DSQL documented PL/pgSQL", async () => {
    const found = await findingsOf(rule, BAD, BEFORE_PLPGSQL);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "f"],
      [3, "g"],
    ]);
    expect(found[0].message).toContain("plpgsql");
  });

  it("accepts PL/pgSQL once supported; other languages stay blocked", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name, f.message])).toEqual([
      [3, "g", "function g is written in plpythonu; DSQL only runs LANGUAGE sql and plpgsql functions"],
    ]);
  });

  it("accepts close-but-valid SQL", async () => {
    expect(
      await findingsOf(
        rule,
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nCREATE FUNCTION g() RETURNS int RETURN 1;\nCREATE FUNCTION h() RETURNS int BEGIN ATOMIC SELECT 1; END;\nCREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN END $$;\nSELECT 'LANGUAGE plpgsql';",
        BEFORE_PLPGSQL,
      ),
    ).toEqual([]);
  });
});
