/** GET /api/assessments/:id/audit?limit=&before= — the assessment's audit trail, newest first. */
import { z } from "zod";
import { auditTrail } from "@/lib/review/findings";
import { getAssessment } from "@/lib/store/assessments";
import { HttpError, json, parseId, route } from "@/app/api/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const query = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  before: z.coerce.number().int().min(1).optional(),
  finding: z.coerce.number().int().min(0).optional(),
});

export const GET = route(async (req, params) => {
  const id = parseId(params);
  const q = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  if (!(await getAssessment(id))) throw new HttpError(404, "not-found", "No such assessment");
  return json({ events: await auditTrail(id, { limit: q.limit, before: q.before ? BigInt(q.before) : undefined, idx: q.finding }) });
});
