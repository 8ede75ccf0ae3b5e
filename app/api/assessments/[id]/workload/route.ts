/** PUT /api/assessments/:id/workload — enter a workload (transactions/s, rows per transaction, read/write mix, storage) for the cost estimate. */
import { getAssessment } from "@/lib/store/assessments";
import { setEnteredWorkload } from "@/lib/store/entered-workload";
import { describeIssues, workloadInputSchema } from "@/lib/cost/workload-input";
import { HttpError, json, parseId, readJson, route } from "@/app/api/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const PUT = route(async (req, params) => {
  const id = parseId(params);
  const parsed = workloadInputSchema.safeParse(await readJson(req));
  if (!parsed.success)
    throw new HttpError(
      400,
      "invalid-workload",
      describeIssues(parsed.error),
      parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })),
    );
  if (!(await getAssessment(id))) throw new HttpError(404, "not-found", "No such assessment");
  const cost = await setEnteredWorkload(id, parsed.data);
  if (!cost) throw new HttpError(404, "not-found", "No report stored for this assessment yet");
  return json({ cost });
});
