/** GET /api/assessments/:id/plan-checks — checked-off plan steps; PUT { stepKey, checked, title? } checks one off (who and when recorded). */
import { z } from "zod";
import { planChecks, setPlanCheck } from "@/lib/review/plan-checks";
import { getAssessment } from "@/lib/store/assessments";
import { HttpError, json, parseId, readJson, route } from "@/app/api/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (_req, params) => {
  const id = parseId(params);
  if (!(await getAssessment(id))) throw new HttpError(404, "not-found", "No such assessment");
  return json({ checks: await planChecks(id) });
});

const body = z
  .object({
    stepKey: z.string().regex(/^[\w.-]{1,80}:\d{1,4}$/, "stepKey is <phase id>:<step index>"),
    checked: z.boolean(),
    title: z.string().max(300).optional(),
  })
  .strict();

export const PUT = route(async (req, params, user) => {
  const id = parseId(params);
  const b = body.parse(await readJson(req));
  if (!(await getAssessment(id))) throw new HttpError(404, "not-found", "No such assessment");
  return json({ stepKey: b.stepKey, check: await setPlanCheck(id, b.stepKey, b.checked, user.id, b.title) });
});
