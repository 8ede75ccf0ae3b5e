/**
 * Analysis jobs through the real queue and store: an input over the statement limit fails once with the
 * limit in the message and is not retried (the same input fails the same way on every attempt); a
 * finished report is stored whole, one row per finding, matching the report; a large report (sent in
 * chunks, its rows derived by the server) is stored exactly as the engine built it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, expect, test } from "vitest";
import { assessUploads } from "../pipeline/uploads";
import type { Finding } from "../rules/core/rule";
import { prisma } from "../store/prisma";
import { objectKey, SEVERITY_RANK } from "./persist";
import { createFromInputs } from "./submit";
import { settled, storeWithWorker } from "@/test/store-harness";

const store = storeWithWorker("limits");

afterAll(() => {
  delete process.env.DSQL_PREFLIGHT_MAX_STATEMENTS;
  delete process.env.DSQL_PREFLIGHT_MAX_REWRITE_STATEMENTS;
});

const rnacentral = () => new Uint8Array(readFileSync(join(__dirname, "..", "..", "..", "shared", "corpus", "rnacentral-rna.sql")));

test("a job over the statement limit fails with the count and the limit, and is not retried", async () => {
  process.env.DSQL_PREFLIGHT_MAX_STATEMENTS = "5";
  const sql = Array.from({ length: 12 }, (_, i) => `INSERT INTO t VALUES (${i});\n`).join("");
  const { id, jobId } = await createFromInputs("upload", [{ name: "many.sql", bytes: new TextEncoder().encode(sql) }], {
    name: "many",
    targetDate: "2026-09-15",
    keyStrategy: "keep",
  });
  const a = await settled(store.url, id);
  expect(a.status).toBe("failed");
  expect(a.error).toContain("many.sql: input too large to analyse: 12 statements, limit 5");
  expect(a.findingsCount ?? 0).toBe(0);

  // The queue saw the job end normally: no second attempt is scheduled.
  await new Promise((r) => setTimeout(r, 3000));
  const c = new pg.Client({ connectionString: store.url });
  await c.connect();
  try {
    const { rows } = await c.query("select state, retry_count from preflight_queue.job where id = $1", [jobId]);
    expect(rows).toEqual([{ state: "completed", retry_count: 0 }]);
  } finally {
    await c.end();
  }

  // Under the limit the same input is analysed.
  process.env.DSQL_PREFLIGHT_MAX_STATEMENTS = "12";
  const ok = await createFromInputs("upload", [{ name: "many.sql", bytes: new TextEncoder().encode(sql) }], {
    name: "many again",
    targetDate: "2026-09-15",
    keyStrategy: "keep",
  });
  expect((await settled(store.url, ok.id)).status).toBe("done");
});

test("a stored report has one finding row per report finding, in report order, with every column", async () => {
  delete process.env.DSQL_PREFLIGHT_MAX_STATEMENTS;
  const sql = [
    "CREATE TABLE t (id serial PRIMARY KEY, note text);",
    "CREATE INDEX t_note ON t (note);",
    "CREATE TABLE app.o (id int PRIMARY KEY, t_id int REFERENCES t (id));",
    "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();",
    "SELECT 'it''s';",
  ].join("\n");
  const { id } = await createFromInputs("upload", [{ name: "mixed.sql", bytes: new TextEncoder().encode(sql) }], {
    name: "mixed",
    targetDate: "2026-09-15",
    keyStrategy: "keep",
  });
  const a = await settled(store.url, id);
  expect(a.status).toBe("done");
  const db = prisma(store.url);
  const stored = await db.assessmentReport.findUniqueOrThrow({ where: { assessmentId: id } });
  const report = stored.report as unknown as { findings: Array<Record<string, any>> };
  const rows = await db.finding.findMany({ where: { assessmentId: id }, orderBy: { idx: "asc" } });
  expect(report.findings.length).toBeGreaterThan(3);
  expect(a.findingsCount).toBe(report.findings.length);
  expect(
    rows.map((r) => [
      r.idx,
      r.ruleId,
      r.severity,
      r.line,
      r.column,
      r.objectKind,
      r.objectSchema,
      r.objectName,
      r.message,
      r.snippet,
      r.fingerprint,
    ]),
  ).toEqual(
    report.findings.map((f, i) => [
      i,
      f.ruleId,
      f.severity,
      f.line,
      f.column,
      f.object.kind,
      f.object.schema ?? null,
      f.object.name,
      f.message,
      f.snippet,
      f.fingerprint,
    ]),
  );
  expect(rows.every((r) => r.status === "open" && r.version === 0)).toBe(true);
  expect(new Set(rows.map((r) => r.severityRank))).toEqual(
    new Set(report.findings.map((f) => ({ blocker: 0, warning: 1, advice: 2 })[f.severity as "blocker"])),
  );
});

/** Every column of a finding row, as the report's finding says it should be. */
function expectedRow(f: Finding, i: number) {
  return {
    idx: i,
    ruleId: f.ruleId,
    severity: f.severity,
    severityRank: SEVERITY_RANK[f.severity] ?? 3,
    category: f.category,
    fix: f.fix ?? null,
    effort: f.effort ?? null,
    file: f.file,
    line: f.line,
    column: f.column,
    objectKind: f.object.kind,
    objectSchema: f.object.schema ?? null,
    objectName: f.object.name,
    objectKey: objectKey(f.object),
    message: f.message,
    title: f.title,
    snippet: f.snippet ?? null,
    docsUrl: f.docsUrl ?? null,
    statementLine: f.statementLine ?? null,
    fingerprint: f.fingerprint,
  };
}

test("a job over the rewrite statement limit fails before any work, naming the limit and how to proceed", async () => {
  process.env.DSQL_PREFLIGHT_MAX_REWRITE_STATEMENTS = "6047";
  try {
    const { id } = await createFromInputs("upload", [{ name: "rnacentral-rna.sql", bytes: rnacentral() }], {
      name: "rnacentral over the limit",
      targetDate: "2026-09-15",
      keyStrategy: "identity",
    });
    const a = await settled(store.url, id);
    expect(a.status).toBe("failed");
    expect(a.error).toMatch(
      /^rnacentral-rna\.sql: input too large to rewrite: 6048 statements, limit 6047 \(.*DSQL_PREFLIGHT_MAX_REWRITE_STATEMENTS\)$/,
    );
    expect(a.findingsCount ?? 0).toBe(0);
  } finally {
    delete process.env.DSQL_PREFLIGHT_MAX_REWRITE_STATEMENTS;
  }
});

test("a large report is stored exactly as the engine built it, with every column of every finding row", async () => {
  const bytes = rnacentral();
  const { id } = await createFromInputs("upload", [{ name: "rnacentral-rna.sql", bytes }], {
    name: "rnacentral",
    targetDate: "2026-09-15",
    keyStrategy: "uuid",
  });
  const a = await settled(store.url, id);
  expect(a.error).toBeNull();
  expect(a.status).toBe("done");
  const expected = await assessUploads(
    [{ name: "rnacentral-rna.sql", bytes }],
    { targetDate: "2026-09-15", keyStrategy: "uuid" },
    () => {},
  );
  const db = prisma(store.url);
  const stored = await db.assessmentReport.findUniqueOrThrow({ where: { assessmentId: id } });
  const report = stored.report as unknown as typeof expected.report;
  // Several MB of JSON: more than one chunk on the way in.
  expect(JSON.stringify(report).length).toBeGreaterThan(4 << 20);
  expect({ ...report, generatedAt: "" }).toEqual(JSON.parse(JSON.stringify({ ...expected.report, generatedAt: "" })));
  expect(stored.artifacts).toEqual(JSON.parse(JSON.stringify(expected.artifacts)));
  const s = expected.report.summary;
  expect([a.readinessScore, a.readinessBand, a.blockers, a.warnings, a.advice, a.findingsCount]).toEqual([
    s.readiness.score,
    s.readiness.band,
    s.bySeverity.blocker,
    s.bySeverity.warning,
    s.bySeverity.advice,
    expected.report.findings.length,
  ]);
  const rows = await db.finding.findMany({ where: { assessmentId: id }, orderBy: { idx: "asc" } });
  expect(rows.length).toBeGreaterThan(4000);
  const columns = Object.keys(expectedRow(expected.report.findings[0], 0));
  expect(rows.map((r) => Object.fromEntries(columns.map((c) => [c, (r as Record<string, unknown>)[c]])))).toEqual(
    expected.report.findings.map(expectedRow),
  );
});
