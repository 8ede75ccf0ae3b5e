import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import type { InputFile } from "../ingest/input";
import { rewrite } from "./engine";
import { renderPsqlScript } from "./render";
import { withRewrites } from "./report";
import { buildPlan } from "../plan/plan";
import { buildReport } from "../report/contract";
import { figuresOf, headline } from "../report/figures";
import { reportHtml } from "../report/html";
import { toMarkdown } from "../report/markdown";
import { toMarkdownSummary } from "../report/markdown-summary";
import { toText } from "../report/text";
import { rewritesOf } from "../report/sections";

const input = (text: string, path = "dump.sql"): InputFile[] => [{ path, text, bytes: Buffer.byteLength(text), encoding: "utf-8" }];

// The shape pg_dump --clean --if-exists writes: session set-up, drops in reverse dependency order, then the schema.
const CLEAN_DUMP = `SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
ALTER TABLE IF EXISTS ONLY public.child DROP CONSTRAINT IF EXISTS child_parent_id_fkey;
ALTER TABLE IF EXISTS ONLY public.parent DROP CONSTRAINT IF EXISTS parent_pkey;
ALTER TABLE IF EXISTS public.parent ALTER COLUMN id DROP DEFAULT;
DROP TABLE IF EXISTS public.child;
DROP SEQUENCE IF EXISTS public.parent_id_seq;
DROP TABLE IF EXISTS public.parent;
DROP TYPE IF EXISTS public.mood;
DROP EXTENSION IF EXISTS pg_trgm;
CREATE TABLE public.parent (id integer NOT NULL, name text);
CREATE SEQUENCE public.parent_id_seq AS integer START WITH 1 INCREMENT BY 1 CACHE 1;
ALTER TABLE ONLY public.parent ALTER COLUMN id SET DEFAULT nextval('public.parent_id_seq'::regclass);
CREATE TABLE public.child (id bigint NOT NULL, parent_id integer);
ALTER TABLE ONLY public.parent ADD CONSTRAINT parent_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.child ADD CONSTRAINT child_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.parent(id);
`;

describe("pg_dump --clean preamble", () => {
  it("is not assessed: no finding, no manual work for the drops", async () => {
    const r = await analyze(input(CLEAN_DUMP));
    expect(r.findings.filter((f) => f.line >= 3 && f.line <= 10).map((f) => `${f.line} ${f.ruleId}`)).toEqual([]);
  });

  it("is left out of the rewritten script as one unit and reported once, keeping every key", async () => {
    const rw = await rewrite(input(CLEAN_DUMP));
    expect(rw.cleanup).toEqual({ statements: 8, message: "8 cleanup statements (pg_dump --clean) left out: the target is empty" });
    const script = renderPsqlScript(rw);
    expect(script).not.toMatch(/DROP/);
    expect(script).toContain("-- 8 cleanup statements (pg_dump --clean) left out: the target is empty.");
    expect(script).toMatch(/CONSTRAINT parent_pkey PRIMARY KEY \(id\)/);
    expect(rw.manual).toEqual([]);
    expect(rw.dropped.filter((d) => /DROP/.test(d.text))).toEqual([]);
  });

  it("is not counted or listed as removed objects: the report names it once as cleanup", async () => {
    const rw = await rewrite(input(CLEAN_DUMP));
    // Built the way the job builds the stored report (rewrite → plan → report).
    const report = withRewrites(buildReport(rw.analysis), rw, buildPlan(rw));
    const fg = figuresOf(report);
    const listed = rewritesOf(report)!.objects;
    // The only removed object is the sequence the identity key replaces; the drops of the preamble are not objects.
    expect(listed.filter((o) => o.status === "removed").map((o) => o.label)).toEqual(["public.parent_id_seq"]);
    expect(fg.objects?.removed).toBe(1);
    expect(listed.some((o) => /\bDROP\b/.test(o.original) || /mood|pg_trgm/.test(o.label))).toBe(false);
    expect(fg.cleanupStatements).toBe(8);
    expect(headline(fg).rewrite).toContain("1 removed");
    const line = "8 cleanup statements from pg_dump --clean left out (the target is empty)";
    expect(headline(fg).cleanup).toBe(line);
    // Every export says it once, in the same words as the Rewrites page.
    const html = reportHtml({
      report,
      assessment: { name: "clean dump", source: "upload", createdAt: "2026-11-24", targetDate: "2026-11-24" },
    });
    for (const text of [toText(report), toMarkdown(report), toMarkdownSummary(report), html]) expect(text.split(line).length - 1).toBe(1);
  });

  it("is only a preamble when CREATEs follow: a file of drops is assessed as drops", async () => {
    const r = await analyze(input("DROP TYPE IF EXISTS public.mood;\nDROP DATABASE IF EXISTS legacy;\n"));
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(["alter-or-drop-type", "create-database"]);
  });

  it("keeps a drop written for an older PostgreSQL (pg_dump 15's json parameter) inside it", async () => {
    // PostgreSQL 16 made json a keyword: this drop, as pg_dump 15 writes it, is read in its corrected form.
    const withJsonDrop = CLEAN_DUMP.replace(
      "DROP TABLE IF EXISTS public.child;",
      "DROP FUNCTION IF EXISTS public.to_json(json json);\nDROP TABLE IF EXISTS public.child;",
    );
    const plain = await analyze(input(CLEAN_DUMP));
    const r = await analyze(input(withJsonDrop));
    expect(r.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual(plain.findings.map((f) => `${f.ruleId} ${f.message}`));
    expect(r.files[0].parseErrors).toBe(0);
    const rw = await rewrite(input(withJsonDrop));
    expect(rw.cleanup?.statements).toBe(9);
    // Outside a preamble the same statement is assessed, in its corrected form.
    const alone = await analyze(
      input("CREATE TABLE public.t (id bigint PRIMARY KEY);\nDROP FUNCTION IF EXISTS public.to_json(json json);\n"),
    );
    expect(alone.findings.map((f) => f.ruleId)).toContain("older-postgres-syntax");
  });

  it("keeps a drop the parser rejects inside it, and a rejected CREATE still ends it", async () => {
    const withBrokenDrop = CLEAN_DUMP.replace(
      "DROP TABLE IF EXISTS public.child;",
      "DROP FUNCTION IF EXISTS public.f(x int,);\nDROP TABLE IF EXISTS public.child;",
    ).replace("CREATE TABLE public.parent", "CREATE TABEL public.oops (x int);\nCREATE TABLE public.parent");
    const r = await analyze(input(withBrokenDrop));
    expect(r.findings.filter((f) => f.ruleId === "parse-error").map((f) => f.snippet)).toEqual(["CREATE TABEL public.oops (x int);"]);
    expect((await rewrite(input(withBrokenDrop))).cleanup?.statements).toBe(9);
  });

  it("is only recognised before the inputs create anything", async () => {
    const files = [
      ...input("CREATE TABLE public.t (id bigint PRIMARY KEY);\n", "001.sql"),
      ...input("DROP TABLE IF EXISTS public.t;\nCREATE TABLE public.u (id bigint PRIMARY KEY);\n", "002.sql"),
    ];
    const rw = await rewrite(files);
    expect(rw.cleanup).toBeUndefined();
    expect(rw.dropped.some((d) => d.file === "002.sql" && /DROP TABLE/.test(d.text))).toBe(true);
    expect(rw.statements.some((s) => s.object.name === "t")).toBe(false);
  });
});
