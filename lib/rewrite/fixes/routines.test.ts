/**
 * Routines in the rewrite: from the date DSQL runs PL/pgSQL, PL/pgSQL functions and procedures are kept;
 * trigger functions stay manual work with the trigger; a routine whose body runs SQL DSQL rejects is
 * manual with the rules behind it; an earlier target date keeps the earlier manual items.
 */
import { describe, expect, it } from "vitest";
import { rewrite } from "../engine";

const SQL = `CREATE TABLE t (id bigint PRIMARY KEY, at timestamptz);
CREATE FUNCTION count_t() RETURNS bigint LANGUAGE plpgsql AS $$ BEGIN RETURN (SELECT count(*) FROM t); END $$;
CREATE PROCEDURE purge() LANGUAGE plpgsql AS $$ BEGIN DELETE FROM t WHERE at < now() - interval '1 day'; COMMIT; END $$;
CREATE FUNCTION wipe() RETURNS void LANGUAGE plpgsql AS $$ BEGIN TRUNCATE t; END $$;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.at := now(); RETURN NEW; END $$;
CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
`;

async function run(targetDate?: string) {
  const r = await rewrite([{ path: "s.sql", text: SQL, bytes: SQL.length, encoding: "utf-8" }], { targetDate });
  return {
    kept: r.statements.filter((s) => s.object.kind === "function" || s.object.kind === "procedure").map((s) => s.object.name),
    manual: r.manual.map((m) => [m.object.name, m.ruleIds.join(",")]),
  };
}

describe("routines in the rewrite", () => {
  it("keeps PL/pgSQL functions and procedures once DSQL runs PL/pgSQL", async () => {
    const { kept, manual } = await run();
    expect(kept).toEqual(["count_t", "purge"]);
    expect(manual).toEqual([
      ["wipe", "truncate"],
      ["touch", "trigger-function,trigger"],
      ["t.t_touch", "trigger"],
    ]);
  });

  it("lists them as manual work for an earlier target date", async () => {
    const { kept, manual } = await run("2026-09-15");
    expect(kept).toEqual([]);
    expect(manual.map((m) => m[0])).toEqual(["count_t", "purge", "wipe", "touch", "t.t_touch"]);
  });
});
