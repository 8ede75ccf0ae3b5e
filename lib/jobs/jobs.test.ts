/**
 * Analysis jobs through the real queue and store: an input over the statement limit fails once with the
 * limit in the message and is not retried (the same input fails the same way on every attempt); a
 * finished report is stored whole, one row per finding, matching the report.
 */
import { join } from "node:path";
import pg from "pg";
import { afterAll, expect, test } from "vitest";
import { prisma } from "../store/prisma";
import { createFromInputs } from "./submit";
import { settled, storeWithWorker } from "@/test/store-harness";

const store = storeWithWorker("limits");

afterAll(() => {
  delete process.env.DSQL_PREFLIGHT_MAX_STATEMENTS;
});

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
