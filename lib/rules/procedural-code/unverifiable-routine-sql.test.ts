import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./unverifiable-routine-sql";

const BAD =
  "CREATE FUNCTION f(tab text) RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  EXECUTE 'DELETE FROM ' || tab;\n  EXECUTE format('TRUNCATE %s', tab);\n  EXECUTE sql_text;\nEND $$;";

describe("unverifiable-routine-sql", () => {
  it("flags each EXECUTE whose SQL is built at run time, naming the expression", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.column, f.message])).toEqual([
      [3, 11, "cannot verify EXECUTE 'DELETE FROM ' || tab: its SQL text is built at run time"],
      [4, 11, "cannot verify EXECUTE format('TRUNCATE %s', tab): its SQL text is built at run time"],
      [5, 11, "cannot verify EXECUTE sql_text: its SQL text is built at run time"],
    ]);
  });

  it("accepts constants and format() with %I / %L, which are checked instead", async () => {
    expect(
      await findingsOf(
        rule,
        "CREATE FUNCTION g(tab text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'SELECT 1'; EXECUTE format('DELETE FROM %I WHERE k = %L', tab, 'x'); END $$;",
      ),
    ).toEqual([]);
    expect(await findingsOf(rule, BAD, "2026-09-15")).toEqual([]);
  });
});
