/** GET /api/share/:token/export?format=md|pdf|json|sarif — downloads of a shared report. */
import { z } from "zod";
import { SHARED_EXPORT_FORMATS } from "@/lib/report/vocabulary";
import { loadForExport, renderExport } from "@/lib/review/export";
import { resolveShareToken } from "@/lib/review/share";
import { HttpError, publicRoute } from "@/app/api/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = publicRoute<{ token: string }>(async (req, params) => {
  const { format } = z
    .object({ format: z.enum(SHARED_EXPORT_FORMATS).default("md") })
    .parse(Object.fromEntries(new URL(req.url).searchParams));
  const id = await resolveShareToken(params.token, { touch: false });
  if (!id) throw new HttpError(404, "not-found", "No such share link");
  const out = await renderExport(await loadForExport(id, { shared: true }), format, { banner: "Shared read-only view" });
  return new Response(typeof out.body === "string" ? out.body : new Uint8Array(out.body), {
    headers: {
      "content-type": out.contentType,
      "cache-control": "no-store",
      "x-robots-tag": "noindex",
      "content-disposition": `attachment; filename="${out.filename}"`,
    },
  });
});
