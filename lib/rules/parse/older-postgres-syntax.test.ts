import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import { analyze } from "@/lib/analyze";
import { rewrite } from "@/lib/rewrite/engine";
import { renderPsqlScript } from "@/lib/rewrite/render";
import rule from "./older-postgres-syntax";

const PG15_FUNCTION = `CREATE FUNCTION public.kind_of(json json, fallback text DEFAULT 'none') RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT coalesce(json ->> 'kind', fallback) $$;
ALTER FUNCTION public.kind_of(json json, fallback text) OWNER TO app;
`;

describe("older-postgres-syntax", () => {
  it("flags pg_dump 15's unquoted json parameters and a PostgreSQL 11 WITH OIDS, at their statements", async () => {
    const found = await findingsOf(rule, `${PG15_FUNCTION}CREATE TABLE legacy (id integer)\n  WITH OIDS;\n`);
    expect(found.map((f) => [f.line, f.fix, f.message.split(":")[0]])).toEqual([
      [1, "auto", "read in its corrected form"],
      [4, "auto", "read in its corrected form"],
      [5, "auto", "read in its corrected form"],
    ]);
    expect(found[0].message).toContain("json is a keyword in newer PostgreSQL (DSQL included)");
    expect(found[2].message).toContain("WITH OIDS was removed in PostgreSQL 12");
  });

  it("leaves CREATE SCHEMA with elements a parse error that says what to change (its elements are split by file offsets)", async () => {
    const text = "CREATE SCHEMA legacy CREATE TABLE t (id integer) WITH OIDS;\n";
    const r = await analyze([{ path: "s.sql", text, bytes: text.length, encoding: "utf-8" }]);
    expect(r.findings.map((f) => f.ruleId)).toEqual(["parse-error"]);
    expect(r.findings[0].message).toContain("WITH OIDS was removed in PostgreSQL 12");
  });

  it("is silent on the corrected forms and on statements that parse as written", async () => {
    expect(
      await findingsOf(rule, 'CREATE FUNCTION f("json" json) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\nCREATE TABLE t (json json);\n'),
    ).toEqual([]);
  });

  it("the rewrite writes the corrected form, and its diff shows what the file said", async () => {
    const text = `${PG15_FUNCTION}CREATE TABLE legacy (id bigint PRIMARY KEY)\n  WITH OIDS;\n`;
    const rw = await rewrite([{ path: "old.sql", text, bytes: text.length, encoding: "utf-8" }]);
    const script = renderPsqlScript(rw);
    expect(script).toContain("CREATE FUNCTION public.kind_of(\"json\" json, fallback text DEFAULT 'none') RETURNS text");
    expect(script).toContain("AS $$ SELECT coalesce(json ->> 'kind', fallback) $$;");
    expect(script).toMatch(/CREATE TABLE legacy \(id bigint PRIMARY KEY\)\n;/);
    const legacy = rw.objects.find((o) => o.object.name === "legacy")!;
    expect(legacy.status).toBe("rewritten");
    expect(legacy.original).toContain("WITH OIDS");
    expect(legacy.hunks.flatMap((h) => h.rules)).toContain("older-postgres-syntax");
    expect(rw.manual).toEqual([]);
  });
});
