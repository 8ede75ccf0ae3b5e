/** GET /api/assessments/:id/report — the CLI's JSON report contract, each finding with `id` and review `state`. */
import { getAssessment, getReportWithState } from "@/lib/store/assessments";
import { HttpError, json, parseId, route } from "@/app/api/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (_req, params) => {
  const id = parseId(params);
  const a = await getAssessment(id);
  if (!a) throw new HttpError(404, "not-found", "No such assessment");
  if (a.status !== "done")
    throw new HttpError(
      409,
      "not-ready",
      a.status === "failed" ? `Assessment failed: ${a.error}` : `Assessment is ${a.status}; poll /api/assessments/${id}`,
    );
  const report = await getReportWithState(id);
  if (!report) throw new HttpError(404, "not-found", "Report missing");
  return json({
    ...report,
    assessment: {
      id: a.id,
      name: a.name,
      source: { kind: a.sourceKind, label: a.sourceLabel },
      options: { targetDate: a.targetDate, keyStrategy: a.keyStrategy },
      createdAt: a.createdAt,
    },
  });
});
