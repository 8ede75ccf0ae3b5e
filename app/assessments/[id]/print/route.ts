/** /assessments/:id/print — the print view (the same HTML the PDF is rendered from); use the browser's Print. */
import { z } from "zod";
import { loadForExport, printHtml, ExportError } from "@/lib/review/export";
import { userForSession } from "@/lib/auth/accounts";
import { cookieValue, SESSION_COOKIE } from "@/app/api/_lib/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const user = await userForSession(cookieValue(req, SESSION_COOKIE));
  if (!user) return Response.redirect(new URL(`/signin?next=${encodeURIComponent(`/assessments/${id}/print`)}`, req.url), 303);
  if (!z.uuid().safeParse(id).success) return new Response("Not found", { status: 404 });
  try {
    const html = printHtml(await loadForExport(id), {
      links: [
        { href: `/assessments/${id}`, label: "← Back to the assessment" },
        { href: `/api/assessments/${id}/export?format=pdf`, label: "Download PDF" },
      ],
    });
    return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
  } catch (e) {
    if (e instanceof ExportError) return new Response(e.message, { status: e.code === "not-found" ? 404 : 409 });
    throw e;
  }
}
