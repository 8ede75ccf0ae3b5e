import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./trigger-function";

const BAD =
  "CREATE TABLE t (id int PRIMARY KEY, at timestamptz);\nCREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.at := now(); RETURN NEW; END $$;\nCREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION app.touch();";

describe("trigger-function", () => {
  it("flags a PL/pgSQL trigger function and names the triggers that used it", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.kind, f.object.schema, f.object.name])).toEqual([[2, "function", "app", "touch"]]);
    expect(found[0].message).toBe(
      "trigger function app.touch can be created, but DSQL has no triggers to fire it; used by trigger t.t_touch",
    );
  });

  it("accepts other functions, and says nothing before DSQL ran PL/pgSQL", async () => {
    expect(await findingsOf(rule, "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;")).toEqual([]);
    expect(await findingsOf(rule, BAD, "2026-09-15")).toEqual([]);
  });
});
