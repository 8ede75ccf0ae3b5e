/**
 * /share/:token — the read-only shared view: the report (summary, charts, findings with statuses, plan,
 * cost) without edit controls, other assessments or connection details. Unknown, revoked or expired: 404.
 */
import { loadForExport, printHtml } from "@/lib/review/export";
import { resolveShareToken } from "@/lib/review/share";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const HEADERS = { "cache-control": "no-store", "x-robots-tag": "noindex", "referrer-policy": "no-referrer", "x-frame-options": "DENY" };

export async function GET(_req: Request, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  const id = await resolveShareToken(token);
  if (!id)
    return new Response("<!doctype html><title>Not found</title><p>This link does not exist, was revoked, or has expired.</p>", {
      status: 404,
      headers: { "content-type": "text/html; charset=utf-8", ...HEADERS },
    });
  const l = await loadForExport(id, { shared: true });
  const base = `/api/share/${encodeURIComponent(token)}/export`;
  const html = printHtml(l, {
    banner: "Shared read-only view",
    links: [
      { href: `${base}?format=pdf`, label: "Download PDF" },
      { href: `${base}?format=md`, label: "Markdown" },
      { href: `${base}?format=json`, label: "JSON" },
    ],
  });
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", ...HEADERS } });
}
