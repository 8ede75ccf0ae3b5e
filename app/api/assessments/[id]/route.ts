/** GET /api/assessments/:id — status, progress and headline numbers. DELETE removes it. */
import { deleteAssessment, getAssessment } from "@/lib/store/assessments";
import { HttpError, json, parseId, route } from "../../_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (_req, params) => {
  const id = parseId(params);
  const a = await getAssessment(id);
  if (!a) throw new HttpError(404, "not-found", "No such assessment");
  return json({
    id: a.id,
    name: a.name,
    status: a.status,
    progress: a.progress,
    error: a.error,
    jobId: a.jobId,
    source: { kind: a.sourceKind, label: a.sourceLabel, info: a.sourceInfo, inputs: a.inputs },
    options: { targetDate: a.targetDate, keyStrategy: a.keyStrategy },
    createdAt: a.createdAt,
    startedAt: a.startedAt,
    finishedAt: a.finishedAt,
    summary:
      a.status === "done"
        ? {
            readiness: { score: a.readinessScore, band: a.readinessBand },
            findings: a.findingsCount,
            bySeverity: { blocker: a.blockers, warning: a.warnings, advice: a.advice },
          }
        : null,
    links: { report: `/api/assessments/${a.id}/report`, findings: `/api/assessments/${a.id}/findings`, page: `/assessments/${a.id}` },
  });
});

export const DELETE = route(async (_req, params) => {
  const id = parseId(params);
  if (!(await deleteAssessment(id))) throw new HttpError(404, "not-found", "No such assessment");
  return new Response(null, { status: 204 });
});
