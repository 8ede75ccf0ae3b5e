/**
 * Flyway / Liquibase `${name}` placeholders. pagila with every `public.` written as `${schema}.` (as a
 * Flyway project would) must assess and rewrite as pagila does, names aside: before, each of its 300-odd
 * statements with a placeholder was a parse error and nothing of it was assessed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyze, type AnalysisResult } from "../lib/analyze";
import type { InputFile } from "../lib/ingest/input";
import { scanScript } from "../lib/ingest/lex";
import { rewrite } from "../lib/rewrite/engine";
import { renderPsqlScript } from "../lib/rewrite/render";
import { quoteIdent } from "../lib/rewrite/tokens";
import { buildPlan } from "../lib/plan/plan";
import { planMarkdown } from "../lib/plan/markdown";

const PAGILA = join(__dirname, "..", "..", "shared", "corpus", "pagila-schema.sql");
const file = (path: string, text: string): InputFile => ({ path, text, bytes: Buffer.byteLength(text), encoding: "utf-8" });

let original: string;
let flyway: string;
beforeAll(() => {
  original = readFileSync(PAGILA, "utf8");
  flyway = original.replace(/\bpublic\./g, "${schema}.");
});

/** The findings as text, the placeholder written back as the schema it stands for (columns move: it is longer). */
const said = (r: AnalysisResult) =>
  r.findings
    .filter((f) => f.ruleId !== "migration-placeholder")
    .map((f) => `${f.line} ${f.ruleId} ${f.problemId} ${f.message}`.replaceAll("${schema}", "public").replaceAll("flyway.sql", "p.sql"))
    .sort();

describe("migration placeholders", () => {
  it("assesses a Flyway-style pagila as pagila, with one note naming the placeholder", async () => {
    expect(flyway.split("${schema}").length - 1).toBeGreaterThan(500);
    const base = await analyze([file("p.sql", original)]);
    const r = await analyze([file("flyway.sql", flyway)]);
    expect(r.files[0].parseErrors).toBe(0);
    expect(said(r)).toEqual(said(base));
    const notes = r.findings.filter((f) => f.ruleId === "migration-placeholder");
    expect(notes).toHaveLength(1);
    expect(notes[0].message).toMatch(/^migration placeholder \$\{schema\} \(\d+ uses\) is set by the migration tool when it runs/);
    // Names shown to people carry the placeholder, never the parser's stand-in.
    expect(JSON.stringify(r.findings)).not.toContain("_$schema$");
    expect([...r.model.tables.keys()]).toContain("${schema}.film");
  });

  it("rewrites it as pagila, keeping the placeholder wherever a name is written", async () => {
    const [base, rw] = [await rewrite([file("p.sql", original)]), await rewrite([file("flyway.sql", flyway)])];
    const script = renderPsqlScript(rw);
    expect(script).toContain("CREATE TABLE ${schema}.film");
    expect(script).not.toContain("_$schema$");
    expect(script.replaceAll("${schema}", "public").replaceAll("flyway.sql", "p.sql")).toBe(renderPsqlScript(base));
    const [plan, basePlan] = [buildPlan(rw), buildPlan(base)];
    expect(plan.effort.total).toEqual(basePlan.effort.total);
    expect(planMarkdown(plan, rw)).not.toContain("_$schema$");
    // The script the rewrite writes is assessed again with its placeholders: no parse error.
    const again = await analyze([file("schema.dsql.sql", script)]);
    expect(again.files[0].parseErrors).toBe(0);
  });

  it("reads placeholders anywhere but in blanked text, as names of the same length", () => {
    const text = [
      "CREATE TABLE log_${env} (id uuid PRIMARY KEY, note text DEFAULT '${flyway:user}');",
      "CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS $$ SELECT $1 + x FROM ${schema}.t $$;",
      "SELECT ${a}, $1;",
    ].join("\n");
    const scan = scanScript(text);
    expect(scan.parseable).toHaveLength(text.length);
    expect(scan.parseable).toContain("CREATE TABLE log__$env$ (");
    expect(scan.parseable).toContain("DEFAULT '_$flyway_user$'");
    expect(scan.parseable).toContain("SELECT $1 + x FROM _$schema$.t $$");
    expect(scan.parseable).toContain("SELECT _$a$, $1;");
    expect(scan.placeholders.map((p) => p.name)).toEqual(["env", "flyway:user", "schema", "a"]);
    expect(scan.statements).toHaveLength(3);
    expect(quoteIdent("${schema}")).toBe("${schema}");
    expect(quoteIdent("${schema")).toBe('"${schema"');
  });
});
