import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./extension-function";

describe("extension-function", () => {
  it("flags extension functions in defaults, ALTER … SET DEFAULT and views", async () => {
    const sql = [
      "CREATE TABLE account (id uuid DEFAULT public.uuid_generate_v4() PRIMARY KEY, token bytea DEFAULT gen_random_bytes(16));",
      "ALTER TABLE ONLY account ALTER COLUMN id SET DEFAULT extensions.uuid_generate_v4();",
      "CREATE VIEW similar_names AS SELECT a.id FROM account a WHERE similarity(a.name, 'x') > 0.3;",
    ].join("\n");
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "public.uuid_generate_v4"],
      [1, "gen_random_bytes"],
      [2, "extensions.uuid_generate_v4"],
      [3, "similarity"],
    ]);
    expect(found[0].message).toContain("gen_random_uuid()");
    expect(found[0].column).toBe(39);
    expect(found[1].message).toContain("no built-in replacement");
    expect(found[3].message).toContain("pg_trgm");
  });

  it("accepts built-ins, string literals and functions the schema defines itself", async () => {
    const sql = [
      "CREATE FUNCTION similarity(a text, b text) RETURNS float8 LANGUAGE sql IMMUTABLE AS 'SELECT 1.0';",
      "CREATE TABLE t (id uuid DEFAULT gen_random_uuid() PRIMARY KEY, note text DEFAULT 'uuid_generate_v4()', h text DEFAULT md5('x'));",
      "SELECT similarity('a', 'b');",
    ].join("\n");
    expect(await findingsOf(rule, sql)).toEqual([]);
  });

  it("detects ltree, cube, earthdistance and hstore from their use, without a CREATE EXTENSION in the input", async () => {
    const sql = [
      "SELECT nlevel('a.b'::ltree), lca('a.b', 'a.c');",
      "SELECT cube_distance(a, b) FROM boxes;",
      "SELECT earth_distance(ll_to_earth(1, 2), ll_to_earth(3, 4));",
      "SELECT * FROM kv WHERE h @> 'a=>1'::hstore;",
    ].join("\n");
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "nlevel"],
      [1, "ltree"],
      [1, "lca"],
      [2, "cube_distance"],
      [3, "earth_distance"],
      [3, "ll_to_earth"],
      [3, "ll_to_earth"],
      [4, "hstore"],
    ]);
    expect(found[7].message).toBe(
      "cast to hstore needs the hstore extension, which DSQL does not have; its operators and functions are unavailable too",
    );
  });
});
