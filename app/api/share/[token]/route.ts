/** GET /api/share/:token — the shared report as JSON (read-only, no connection details). Unknown, revoked or expired: 404. */
import { loadForExport, renderExport } from "@/lib/review/export";
import { resolveShareToken } from "@/lib/review/share";
import { HttpError, publicRoute } from "../../_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = publicRoute<{ token: string }>(async (_req, params) => {
  const id = await resolveShareToken(params.token);
  if (!id) throw new HttpError(404, "not-found", "No such share link");
  const out = await renderExport(await loadForExport(id, { shared: true }), "json");
  return new Response(out.body as string, {
    headers: { "content-type": out.contentType, "cache-control": "no-store", "x-robots-tag": "noindex" },
  });
});
