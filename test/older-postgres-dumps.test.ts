/**
 * Dumps written by pg_dump 15 that PostgreSQL 16 and later (DSQL included) do not read as written: a
 * function parameter named `json` is unquoted there, and json became a keyword in 16. The suite's
 * PostgreSQL 15 creates such a function and dumps it plain and with --clean --if-exists. Both forms give
 * the same findings (the drop pg_dump --clean writes for it stays inside the cleanup preamble); the
 * function (and its ALTER FUNCTION … OWNER TO) is a parse error that says how to fix it and a manual work
 * item of the rewrite, whose script still runs on PostgreSQL 15 and holds every table.
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

  it("the plain and the --clean dump give the same findings: the unparsable drop stays in the preamble", async () => {
    const plain = await analyze(input("events.sql", dumps.plain));
    const clean = await analyze(input("events.sql", dumps.clean));
    const seen = (r: typeof plain) => r.findings.map((f) => `${f.ruleId}: ${f.message}`).sort();
    expect(seen(clean)).toEqual(seen(plain));
    // The function and its ALTER FUNCTION … OWNER TO, in both forms.
    expect(clean.files[0].parseErrors).toBe(2);
    const [error] = clean.findings.filter((f) => f.ruleId === "parse-error");
    expect(error.message).toBe(
      'syntax error at or near "json" — json is a keyword in newer PostgreSQL (DSQL included), so this statement was written for an older one: it parses once the name is double-quoted ("json")',
    );
    expect(error.snippet).toMatch(/^CREATE FUNCTION public\.event_kind\(json json\)/);
  });

  it("the rewrite lists the function as manual work and its script runs on PostgreSQL 15 with every table", async () => {
    const rw = await rewrite(input("events.sql", dumps.clean));
    expect(rw.cleanup?.message).toMatch(/cleanup statements \(pg_dump --clean\) left out/);
    const manual = rw.manual.filter((m) => m.ruleIds.includes("parse-error"));
    expect(manual.map((m) => m.original.split("\n")[0])).toEqual([
      "CREATE FUNCTION public.event_kind(json json) RETURNS text",
      expect.stringMatching(/^ALTER FUNCTION public\.event_kind\(json json\) OWNER TO /),
    ]);
    const script = renderPsqlScript(rw);
    expect(script).not.toMatch(/DROP FUNCTION|event_kind/);
    await pg15.createDatabase("events_dsql");
    const c = await pg15.admin("events_dsql");
    try {
      const v = await validateOnPostgres(c, rw, 15);
      expect(v.errors).toEqual([]);
      expect(v.ok).toBe(v.statements);
      const tables = await c.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
      expect(tables.rows.map((r) => r.table_name)).toEqual(["event", "event_tag"]);
    } finally {
      await c.end();
    }
    // The corrected form each item carries (the name quoted, as the message says) parses, and checks clean of blockers.
    expect(manual.map((m) => m.corrected?.split("\n")[0])).toEqual([
      'CREATE FUNCTION public.event_kind("json" json) RETURNS text',
      expect.stringMatching(/^ALTER FUNCTION public\.event_kind\("json" json\) OWNER TO /),
    ]);
    const again = await analyze(input("fixed.sql", manual.map((m) => m.corrected).join("\n")));
    expect(again.findings.filter((f) => f.severity === "blocker" || f.ruleId === "parse-error")).toEqual([]);
  });
});
