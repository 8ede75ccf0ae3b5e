/** GET /api/assessments/:id/runs — every run of this assessment's lineage, oldest first. */
import { runsOf } from "@/lib/review/history";
import { HttpError, json, parseId, route } from "@/app/api/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (_req, params) => {
  const id = parseId(params);
  const runs = await runsOf(id);
  if (!runs.length) throw new HttpError(404, "not-found", "No such assessment");
  return json({ runs: runs.map((r) => ({ ...r, url: `/assessments/${r.id}` })) });
});
