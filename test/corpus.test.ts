/**
 * Every real-world schema in ../shared/corpus analyses with every statement accounted for: each span
 * the lexer splits off is either parsed (and reviewed by rules or listed as compatible) or reported as a
 * parse-error finding. Nothing is dropped silently.
 */
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../lib/analyze";
import { scanScript } from "../lib/ingest/lex";
import { readInputs } from "../lib/ingest/sources";
import { buildReport } from "../lib/report/contract";

const corpus = join(__dirname, "..", "..", "shared", "corpus");
const files = readdirSync(corpus)
  .filter((f) => f.endsWith(".sql"))
  .sort();

describe("corpus", () => {
  it("has the expected files", () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  for (const name of files) {
    it(`accounts for every statement in ${name}`, async () => {
      const inputs = readInputs([join(corpus, name)]);
      const result = await analyze(inputs);
      const stats = result.files[0];
      const spans = scanScript(inputs[0].text).statements.length;
      expect(stats.statements).toBe(spans);
      expect(stats.parsed + stats.parseErrors).toBe(stats.statements);
      expect(result.findings.filter((f) => f.ruleId === "parse-error")).toHaveLength(stats.parseErrors);
      for (const f of result.findings) {
        expect(f.line, `${f.ruleId} ${f.message}`).toBeGreaterThanOrEqual(1);
        expect(f.statementLine).toBeLessThanOrEqual(f.line);
      }
      const report = buildReport(result);
      expect(report.summary.findings).toBe(result.findings.length);
      expect(report.summary.readiness.score).toBeGreaterThanOrEqual(0);
      expect(report.summary.readiness.score).toBeLessThanOrEqual(100);
    });
  }

  it("finds what a PostgreSQL engineer would expect in pagila", async () => {
    const result = await analyze(readInputs([join(corpus, "pagila-schema.sql")]));
    const count = (id: string) => result.findings.filter((f) => f.ruleId === id).length;
    expect(count("trigger")).toBe(16);
    expect(count("partitioned-table")).toBeGreaterThan(0);
    expect(count("index-not-async")).toBeGreaterThan(30);
    const actorTrigger = result.findings.find((f) => f.ruleId === "trigger" && f.object.name === "actor.last_updated");
    expect(actorTrigger).toMatchObject({ file: join(corpus, "pagila-schema.sql"), severity: "blocker" });
    expect(result.model.tables.get("public.actor")!.columns.find((c) => c.name === "actor_id")!.sequence).toEqual({
      schema: "public",
      name: "actor_actor_id_seq",
    });
  });

  it("finds nothing blocking in AWS's own DSQL-compatible fixtures", async () => {
    for (const name of ["dsql-create-index-async.sql", "dsql-lint-clean_all_types.sql"]) {
      const result = await analyze(readInputs([join(corpus, name)]));
      expect(
        result.findings.filter((f) => f.severity === "blocker"),
        name,
      ).toEqual([]);
    }
  });
});
