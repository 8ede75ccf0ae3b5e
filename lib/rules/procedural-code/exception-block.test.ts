import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./exception-block";

const BAD =
  "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  BEGIN\n    RAISE EXCEPTION 'x';\n  EXCEPTION WHEN others THEN NULL;\n  END;\nEXCEPTION\n  WHEN unique_violation THEN NULL;\nEND $$;";

describe("exception-block", () => {
  it("flags each EXCEPTION clause at its line, inner block first", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.column, f.object.name])).toEqual([
      [5, 3, "f"],
      [7, 1, "f"],
    ]);
  });

  it("accepts RAISE EXCEPTION without a handler, and says nothing before DSQL ran PL/pgSQL", async () => {
    expect(await findingsOf(rule, "DO $$ BEGIN RAISE EXCEPTION 'stop'; END $$;")).toEqual([]);
    expect(await findingsOf(rule, BAD, "2026-09-15")).toEqual([]);
  });
});
