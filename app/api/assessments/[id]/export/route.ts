/** GET /api/assessments/:id/export?format=json|md|sarif — the report as the CLI would write it, as a download. */
import { z } from "zod";
import { toMarkdown } from "../../../../../lib/report/markdown";
import { toSarif } from "../../../../../lib/report/sarif";
import { getAssessment, getReportWithState } from "../../../../../lib/store/assessments";
import type { AssessmentReport } from "../../../../../lib/report/contract";
import { HttpError, parseId, route } from "../../../_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const query = z.object({ format: z.enum(["json", "md", "sarif"]).default("json") });

export const GET = route(async (req, params) => {
  const id = parseId(params);
  const { format } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  const a = await getAssessment(id);
  if (!a) throw new HttpError(404, "not-found", "No such assessment");
  const report = await getReportWithState(id);
  if (!report) throw new HttpError(409, "not-ready", `Assessment is ${a.status}`);
  const base = a.name.replace(/[^\w.-]+/g, "_").slice(0, 80) || "assessment";
  const [body, type, ext] =
    format === "md"
      ? [toMarkdown(report as unknown as AssessmentReport), "text/markdown; charset=utf-8", "md"]
      : format === "sarif"
        ? [JSON.stringify(toSarif(report as unknown as AssessmentReport), null, 2), "application/sarif+json", "sarif"]
        : [JSON.stringify(report, null, 2), "application/json; charset=utf-8", "json"];
  return new Response(body, { headers: { "content-type": type, "content-disposition": `attachment; filename="${base}.${ext}"` } });
});
