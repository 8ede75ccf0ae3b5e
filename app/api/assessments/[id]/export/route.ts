/**
 * GET /api/assessments/:id/export?format=md|pdf|json|sarif|html — the report with review states, as a download.
 * PDF is rendered by headless Chromium from the print view; without Chromium the answer is 503 saying what to install.
 */
import { z } from "zod";
import { EXPORT_FORMATS, loadForExport, renderExport } from "../../../../../lib/review/export";
import { parseId, route } from "../../../_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const query = z.object({ format: z.enum(EXPORT_FORMATS).default("json"), download: z.enum(["0", "1"]).default("1") });

export const GET = route(async (req, params) => {
  const id = parseId(params);
  const { format, download } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  const out = await renderExport(await loadForExport(id), format);
  return new Response(typeof out.body === "string" ? out.body : new Uint8Array(out.body), {
    headers: {
      "content-type": out.contentType,
      "cache-control": "no-store",
      ...(download === "1" && format !== "html" ? { "content-disposition": `attachment; filename="${out.filename}"` } : {}),
    },
  });
});
