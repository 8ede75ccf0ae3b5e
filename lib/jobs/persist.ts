/** Writing job results: the full report, one row per finding (for paging and review state), the headline numbers. */
import type { AssessmentReport } from "../report/contract";
import type { Finding } from "../rules/core/rule";
import type { PrismaClient } from "../store/prisma";
import type { Artifacts } from "../pipeline/artifacts";
import type { Progress } from "../pipeline/uploads";
import { carryOver } from "../review/history";
import { previousEnteredWorkload } from "../store/entered-workload";
import { toStoredForm, type StoredAssessment } from "./stored-form";

export const SEVERITY_RANK: Record<string, number> = { blocker: 0, warning: 1, advice: 2 };

/** A finding's object as shown and filtered on (INSERT_FINDINGS computes the same in SQL). */
export function objectKey(o: Finding["object"]): string {
  if (!o.name) return `(${o.kind})`;
  return o.schema ? `${o.schema}.${o.name}` : o.name;
}

export async function setProgress(db: PrismaClient, id: string, p: Progress) {
  await db.assessment.update({ where: { id }, data: { progress: p as object } });
}

export async function markFailed(db: PrismaClient, id: string, message: string) {
  await db.assessment.update({
    where: { id },
    data: {
      status: "failed",
      error: message.slice(0, 4000),
      finishedAt: new Date(),
      progress: { phase: "done", percent: 100, message: "Failed" },
    },
  });
}

/**
 * One row per finding, taken from the report just stored (its `findings` array, in order): the
 * findings never exist as JS rows beside the report. Same values as the report's findings, with the
 * severity's rank and the object's display key (`(kind)` without a name, else `schema.name` or `name`).
 */
const INSERT_FINDINGS = `
INSERT INTO "Finding" ("assessmentId", "idx", "ruleId", "severity", "severityRank", "category", "fix", "effort", "file",
  "line", "column", "objectKind", "objectSchema", "objectName", "objectKey", "message", "title", "snippet", "docsUrl",
  "statementLine", "fingerprint")
SELECT r."assessmentId", (e.i - 1)::int, f->>'ruleId', f->>'severity',
  CASE f->>'severity' ${Object.entries(SEVERITY_RANK)
    .map(([k, v]) => `WHEN '${k}' THEN ${v}`)
    .join(" ")} ELSE 3 END,
  f->>'category', f->>'fix', f->>'effort', f->>'file', (f->>'line')::int, (f->>'column')::int,
  f->'object'->>'kind', f->'object'->>'schema', f->'object'->>'name',
  CASE WHEN coalesce(f->'object'->>'name', '') = '' THEN '(' || (f->'object'->>'kind') || ')'
    WHEN coalesce(f->'object'->>'schema', '') <> '' THEN (f->'object'->>'schema') || '.' || (f->'object'->>'name')
    ELSE f->'object'->>'name' END,
  f->>'message', f->>'title', f->>'snippet', f->>'docsUrl', (f->>'statementLine')::int, f->>'fingerprint'
FROM "AssessmentReport" r, jsonb_array_elements(r."report"->'findings') WITH ORDINALITY AS e(f, i)
WHERE r."assessmentId" = $1::uuid`;

/**
 * The report and artefacts arrive in chunks of a few MB, are collected in a temporary table of the
 * transaction and joined by the server: one multi-hundred-MB parameter would be copied into a bind
 * message about twice its size.
 */
const CREATE_PARTS = `CREATE TEMP TABLE stored_part ("column" text, n int, bytes bytea) ON COMMIT DROP`;
const INSERT_PART = `INSERT INTO stored_part VALUES ($1, $2, $3)`;
const INSERT_REPORT = `
INSERT INTO "AssessmentReport" ("assessmentId", "report", "artifacts")
SELECT $1::uuid,
  (SELECT convert_from(string_agg(bytes, ''::bytea ORDER BY n), 'UTF8')::jsonb FROM stored_part WHERE "column" = 'report'),
  (SELECT convert_from(string_agg(bytes, ''::bytea ORDER BY n), 'UTF8')::jsonb FROM stored_part WHERE "column" = 'artifacts')`;

/** A live collection's result: the carried-over workload is looked up here, then stored as any job's. */
export async function saveAssessed(db: PrismaClient, id: string, report: AssessmentReport, artifacts: Artifacts = {}) {
  await saveReport(db, id, toStoredForm({ report, artifacts }, await previousEnteredWorkload(db, id)));
}

/**
 * Store a finished report: the JSON report, one row per finding (for paging and review state) and the
 * headline numbers, in one transaction, with set-based statements rather than row objects through the
 * ORM (which took seconds for a few thousand findings).
 */
export async function saveReport(db: PrismaClient, id: string, stored: StoredAssessment) {
  await db.$transaction(
    async (tx) => {
      await tx.finding.deleteMany({ where: { assessmentId: id } });
      await tx.assessmentReport.deleteMany({ where: { assessmentId: id } });
      await tx.$executeRawUnsafe(CREATE_PARTS);
      for (const [column, chunks] of [
        ["report", stored.report],
        ["artifacts", stored.artifacts],
      ] as const) {
        for (let n = 0; n < chunks.length; n++) {
          const c = chunks[n];
          await tx.$executeRawUnsafe(INSERT_PART, column, n, Buffer.from(c.buffer, c.byteOffset, c.byteLength));
        }
      }
      await tx.$executeRawUnsafe(INSERT_REPORT, id);
      await tx.$executeRawUnsafe(INSERT_FINDINGS, id);
      await tx.assessment.update({
        where: { id },
        data: {
          status: "done",
          finishedAt: new Date(),
          error: null,
          progress: { phase: "done", percent: 100, message: "Done" },
          ...stored.headline,
        },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  // A re-run takes over the review states of the findings it still has.
  await carryOver(db, id);
}
