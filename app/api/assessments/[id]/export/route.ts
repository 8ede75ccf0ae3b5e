/**
 * GET /api/assessments/:id/export?format=md|summary|pdf|json|sarif|html — the report with review states, as a download.
 * PDF is rendered by headless Chromium from the print view; without Chromium the answer is 503 saying what to install.
 */
import { z } from "zod";
import { EXPORT_FORMATS, loadForExport, renderExport } from "@/lib/review/export";
import { PdfUnavailableError } from "@/lib/report/pdf";
import { esc } from "@/lib/report/html";
import { parseId, route } from "@/app/api/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const query = z.object({ format: z.enum(EXPORT_FORMATS).default("json"), download: z.enum(["0", "1"]).default("1") });

export const GET = route(async (req, params) => {
  const id = parseId(params);
  const { format, download } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  let out: Awaited<ReturnType<typeof renderExport>>;
  try {
    out = await renderExport(await loadForExport(id), format, { origin: new URL(req.url).origin });
  } catch (e) {
    // A browser following the PDF button gets a page that says what to do, not JSON.
    if (e instanceof PdfUnavailableError && (req.headers.get("accept") ?? "").includes("text/html")) {
      return new Response(
        `<!doctype html><meta charset="utf-8"><title>PDF export unavailable</title><body style="font-family:system-ui;max-width:40rem;margin:3rem auto"><h1>PDF export unavailable</h1><p>${esc(e.message)}</p><p><a href="/assessments/${id}/print">Open the print view</a> and use your browser's Print → Save as PDF.</p></body>`,
        { status: 503, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } },
      );
    }
    throw e;
  }
  return new Response(typeof out.body === "string" ? out.body : new Uint8Array(out.body), {
    headers: {
      "content-type": out.contentType,
      "cache-control": "no-store",
      ...(download === "1" && format !== "html" ? { "content-disposition": `attachment; filename="${out.filename}"` } : {}),
    },
  });
});
