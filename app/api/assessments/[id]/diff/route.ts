/** GET /api/assessments/:id/diff?against=<id> — new, resolved and unchanged findings against another run (default: the previous one). */
import { z } from "zod";
import { diffRuns } from "@/lib/review/history";
import { getAssessment } from "@/lib/store/assessments";
import { HttpError, json, parseId, route } from "@/app/api/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (req, params) => {
  const id = parseId(params);
  const q = z.object({ against: z.uuid().optional() }).parse(Object.fromEntries(new URL(req.url).searchParams));
  const a = await getAssessment(id);
  if (!a) throw new HttpError(404, "not-found", "No such assessment");
  const against = q.against ?? a.previousId;
  if (!against) throw new HttpError(404, "no-previous-run", "This is the first run; re-run it to compare");
  const b = await getAssessment(against);
  if (!b || (b.lineageId ?? b.id) !== (a.lineageId ?? a.id)) throw new HttpError(404, "not-found", "No such run of this assessment");
  if (a.status !== "done" || b.status !== "done") throw new HttpError(409, "not-ready", "Both runs must be finished");
  return json(await diffRuns(id, against));
});
