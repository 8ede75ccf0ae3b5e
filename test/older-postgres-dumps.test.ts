/**
 * Dumps written by pg_dump 15 that PostgreSQL 16 and later (DSQL included) do not read as written: a
 * function parameter named `json` is unquoted there, and json became a keyword in 16. The suite's
 * PostgreSQL 15 creates such a function and dumps it plain and with --clean --if-exists. Both forms give
 * the same findings (the drop pg_dump --clean writes for it stays inside the cleanup preamble); the
 * function and its ALTER FUNCTION … OWNER TO are read with the name quoted (rule older-postgres-syntax),
 * and the rewrite's script, quoting it too, runs on PostgreSQL 15 with every table and the function.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../lib/analyze";
import type { InputFile } from "../lib/ingest/input";
import { rewrite } from "../lib/rewrite/engine";
import { renderPsqlScript } from "../lib/rewrite/render";
import { validateOnPostgres } from "../lib/rewrite/validate";
import { PG15_BIN, pg15Available, startPg15, type TestServer } from "./source/servers";

if (!pg15Available())
  throw new Error(
    "PostgreSQL 15 server binaries are missing at /usr/lib/postgresql/15/bin (or no postgres OS user): run scripts/setup-test-deps.sh",
  );

let pg15: TestServer;
const dumps: Record<string, string> = {};

beforeAll(async () => {
  pg15 = await startPg15();
  await pg15.createDatabase("events");
  const c = await pg15.admin("events");
  await c.query("CREATE TABLE public.event (id bigint PRIMARY KEY, payload json NOT NULL)");
  await c.query("CREATE TABLE public.event_tag (event_id bigint REFERENCES public.event (id), tag text)");
  await c.query("CREATE FUNCTION public.event_kind(json json) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT json ->> 'kind' $$");
  await c.end();
  const dump = (args: string[]) => execFileSync(join(PG15_BIN, "pg_dump"), [...args, "-d", pg15.urlFor("events")]).toString();
  dumps.plain = dump(["--schema-only"]);
  dumps.clean = dump(["--schema-only", "--clean", "--if-exists"]);
}, 120_000);

afterAll(async () => {
  await pg15?.stop();
});

const input = (path: string, text: string): InputFile[] => [{ path, text, bytes: Buffer.byteLength(text), encoding: "utf-8" }];

describe("pg_dump 15's json parameters", () => {
  it("pg_dump 15 writes the parameter unquoted, in the function and in --clean's drop", () => {
    expect(dumps.plain).toContain("CREATE FUNCTION public.event_kind(json json) RETURNS text");
    expect(dumps.clean).toContain("DROP FUNCTION IF EXISTS public.event_kind(json json);");
  });

  it("the plain and the --clean dump give the same findings, with no parse error: the statements are read with the name quoted", async () => {
    const plain = await analyze(input("events.sql", dumps.plain));
    const clean = await analyze(input("events.sql", dumps.clean));
    const seen = (r: typeof plain) => r.findings.map((f) => `${f.ruleId}: ${f.message}`).sort();
    expect(seen(clean)).toEqual(seen(plain));
    expect(clean.files[0].parseErrors).toBe(0);
    const older = clean.findings.filter((f) => f.ruleId === "older-postgres-syntax");
    expect(older.map((f) => f.snippet.split("\n")[0])).toEqual([
      "CREATE FUNCTION public.event_kind(json json) RETURNS text",
      expect.stringMatching(/^ALTER FUNCTION public\.event_kind\(json json\) OWNER TO /),
    ]);
    expect(older[0].message).toBe(
      'read in its corrected form: json is a keyword in newer PostgreSQL (DSQL included), so this statement was written for an older one: it parses once the name is double-quoted ("json")',
    );
  });

  it("the rewrite's script quotes the name and runs on PostgreSQL 15 with every table and the function", async () => {
    const rw = await rewrite(input("events.sql", dumps.clean));
    expect(rw.cleanup?.message).toMatch(/cleanup statements \(pg_dump --clean\) left out/);
    expect(rw.manual).toEqual([]);
    const script = renderPsqlScript(rw);
    expect(script).toContain('CREATE FUNCTION public.event_kind("json" json) RETURNS text');
    expect(script).not.toMatch(/DROP FUNCTION/);
    const fn = rw.objects.find((o) => o.object.kind === "function")!;
    expect(fn.original).toContain("event_kind(json json)");
    expect(fn.hunks.flatMap((h) => h.rules)).toContain("older-postgres-syntax");
    await pg15.createDatabase("events_dsql");
    const c = await pg15.admin("events_dsql");
    try {
      const v = await validateOnPostgres(c, rw, 15);
      expect(v.errors).toEqual([]);
      expect(v.ok).toBe(v.statements);
      const tables = await c.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
      expect(tables.rows.map((r) => r.table_name)).toEqual(["event", "event_tag"]);
      const kind = await c.query(`SELECT public.event_kind('{"kind": "click"}') AS k`);
      expect(kind.rows[0].k).toBe("click");
    } finally {
      await c.end();
    }
    // Re-analysed, the script has nothing left to correct.
    const again = await analyze(input("schema.dsql.sql", script));
    expect(again.findings.filter((f) => f.ruleId === "older-postgres-syntax" || f.ruleId === "parse-error")).toEqual([]);
  });
});
