/** Writing job results: the full report, one row per finding (for paging and review state), the headline numbers. */
import type { AssessmentReport } from "../report/contract";
import type { Finding } from "../rules/core/rule";
import type { PrismaClient } from "../store/prisma";
import type { Artifacts } from "../pipeline/artifacts";
import type { Progress } from "../pipeline/uploads";
import { carryOver } from "../review/history";
import { withCarriedWorkload } from "../store/entered-workload";

export const SEVERITY_RANK: Record<string, number> = { blocker: 0, warning: 1, advice: 2 };

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

/** Finding columns in the order of the arrays handed to unnest() below. */
const FINDING_COLUMNS = [
  ["idx", "int"],
  ["ruleId", "text"],
  ["severity", "text"],
  ["severityRank", "int"],
  ["category", "text"],
  ["fix", "text"],
  ["effort", "text"],
  ["file", "text"],
  ["line", "int"],
  ["column", "int"],
  ["objectKind", "text"],
  ["objectSchema", "text"],
  ["objectName", "text"],
  ["objectKey", "text"],
  ["message", "text"],
  ["title", "text"],
  ["snippet", "text"],
  ["docsUrl", "text"],
  ["statementLine", "int"],
  ["fingerprint", "text"],
] as const;

const INSERT_FINDINGS =
  `INSERT INTO "Finding" ("assessmentId", ${FINDING_COLUMNS.map(([c]) => `"${c}"`).join(", ")}) ` +
  `SELECT $1::uuid, * FROM unnest(${FINDING_COLUMNS.map(([, t], i) => `$${i + 2}::${t}[]`).join(", ")})`;

/** One array per column: the whole report's findings go in as one INSERT … SELECT FROM unnest(…). */
function findingColumns(findings: Finding[]): unknown[][] {
  const cols: unknown[][] = FINDING_COLUMNS.map(() => new Array(findings.length));
  findings.forEach((f, i) => {
    const row = [
      i,
      f.ruleId,
      f.severity,
      SEVERITY_RANK[f.severity] ?? 3,
      f.category,
      f.fix,
      f.effort,
      f.file,
      f.line,
      f.column,
      f.object.kind,
      f.object.schema ?? null,
      f.object.name,
      objectKey(f.object),
      f.message,
      f.title,
      f.snippet,
      f.docsUrl,
      f.statementLine,
      f.fingerprint,
    ];
    for (let c = 0; c < row.length; c++) cols[c][i] = row[c];
  });
  return cols;
}

/**
 * Store a finished report: the JSON report, one row per finding (for paging and review state) and the
 * headline numbers, in one transaction. Rows go in as one set-based INSERT per table rather than row
 * objects through the ORM, which took seconds for a few thousand findings.
 */
export async function saveReport(db: PrismaClient, id: string, reportIn: AssessmentReport, artifacts: Artifacts = {}) {
  // A re-run that measured no workload keeps the one entered on the run before it.
  const report = await withCarriedWorkload(db, id, reportIn);
  const columns = findingColumns(report.findings);
  const s = report.summary;
  await db.$transaction(
    async (tx) => {
      await tx.finding.deleteMany({ where: { assessmentId: id } });
      await tx.assessmentReport.deleteMany({ where: { assessmentId: id } });
      await tx.$executeRawUnsafe(
        `INSERT INTO "AssessmentReport" ("assessmentId", "report", "artifacts") VALUES ($1::uuid, $2::jsonb, $3::jsonb)`,
        id,
        JSON.stringify(report),
        JSON.stringify(artifacts),
      );
      if (columns[0].length) await tx.$executeRawUnsafe(INSERT_FINDINGS, id, ...columns);
      await tx.assessment.update({
        where: { id },
        data: {
          status: "done",
          finishedAt: new Date(),
          error: null,
          progress: { phase: "done", percent: 100, message: "Done" },
          readinessScore: s.readiness.score,
          readinessBand: s.readiness.band,
          blockers: s.bySeverity.blocker,
          warnings: s.bySeverity.warning,
          advice: s.bySeverity.advice,
          findingsCount: s.findings,
        },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  // A re-run takes over the review states of the findings it still has.
  await carryOver(db, id);
}
