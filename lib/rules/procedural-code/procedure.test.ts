import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./procedure";

const BAD = "CREATE PROCEDURE archive() LANGUAGE sql AS $$ DELETE FROM t $$;\nCALL archive();";
const BEFORE_PLPGSQL = "2026-09-15";

describe("procedure", () => {
  it("flags procedures and CALLs before DSQL documented PL/pgSQL", async () => {
    const found = await findingsOf(rule, BAD, BEFORE_PLPGSQL);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "archive"],
      [2, "archive"],
    ]);
    expect(found[0].message).toContain("procedure archive");
  });

  it("accepts sql and plpgsql procedures once supported; other languages and their CALLs stay blocked", async () => {
    expect(await findingsOf(rule, BAD)).toEqual([]);
    expect(await findingsOf(rule, "CREATE PROCEDURE p() LANGUAGE plpgsql AS $$ BEGIN COMMIT; END $$;\nCALL p();")).toEqual([]);
    const found = await findingsOf(rule, "CREATE PROCEDURE py() LANGUAGE plpython3u AS $$ pass $$;\nCALL py();");
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "py"],
      [2, "py"],
    ]);
    expect(found[1].fingerprint).toBe(found[0].fingerprint.replace(found[0].message, found[1].message));
  });

  it("accepts close-but-valid SQL", async () => {
    expect(
      await findingsOf(rule, "CALL sys.wait_for_job('abc');\nCREATE FUNCTION procedure() RETURNS int RETURN 1;", BEFORE_PLPGSQL),
    ).toEqual([]);
  });
});
