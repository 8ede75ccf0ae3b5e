/** Writing job results: the full report, one row per finding (for paging and review state), the headline numbers. */
import type { AssessmentReport } from "../report/contract";
import type { Finding } from "../rules/core/rule";
import type { PrismaClient } from "../store/prisma";
import type { Artifacts } from "../pipeline/artifacts";
import type { Progress } from "../pipeline/uploads";
import { carryOver } from "../review/history";

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
    data: { status: "failed", error: message.slice(0, 4000), finishedAt: new Date(), progress: { phase: "done", percent: 100, message: "Failed" } },
  });
}

export async function saveReport(db: PrismaClient, id: string, report: AssessmentReport, artifacts: Artifacts = {}) {
  const rows = report.findings.map((f, idx) => ({
    assessmentId: id,
    idx,
    ruleId: f.ruleId,
    severity: f.severity,
    severityRank: SEVERITY_RANK[f.severity] ?? 3,
    category: f.category,
    fix: f.fix,
    effort: f.effort,
    file: f.file,
    line: f.line,
    column: f.column,
    objectKind: f.object.kind,
    objectSchema: f.object.schema ?? null,
    objectName: f.object.name,
    objectKey: objectKey(f.object),
    message: f.message,
    title: f.title,
    snippet: f.snippet,
    docsUrl: f.docsUrl,
    statementLine: f.statementLine,
    fingerprint: f.fingerprint,
  }));
  const s = report.summary;
  await db.$transaction(
    async (tx) => {
      await tx.finding.deleteMany({ where: { assessmentId: id } });
      await tx.assessmentReport.deleteMany({ where: { assessmentId: id } });
      await tx.assessmentReport.create({ data: { assessmentId: id, report: report as object, artifacts: artifacts as object } });
      for (let i = 0; i < rows.length; i += 2000) await tx.finding.createMany({ data: rows.slice(i, i + 2000) });
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
