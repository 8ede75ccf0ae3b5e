import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./do-block";

const BAD = "SELECT 1;\nDO $$ BEGIN PERFORM 1; END $$;";
const BEFORE_PLPGSQL = "2026-09-15";

describe("do-block", () => {
  it("flags PL/pgSQL DO blocks before DSQL documented PL/pgSQL", async () => {
    const found = await findingsOf(rule, BAD, BEFORE_PLPGSQL);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([[2, ""]]);
    expect(found[0].message).toContain("DO block (plpgsql)");
  });

  it("accepts PL/pgSQL DO blocks once supported and keeps other languages blocked", async () => {
    expect(await findingsOf(rule, BAD)).toEqual([]);
    const other = await findingsOf(rule, "DO LANGUAGE plpython3u $$ plpy.execute('SELECT 1') $$;");
    expect(other.map((f) => [f.line, f.message])).toEqual([[1, "DO block (plpython3u) is not supported"]]);
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "SELECT 'DO $$ BEGIN END $$';\nCREATE TABLE do_block (id int);", BEFORE_PLPGSQL)).toEqual([]);
  });
});
