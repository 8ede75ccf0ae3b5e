/** POST /api/auth/signout — ends this browser session. */
import { deleteSession } from "@/lib/auth/accounts";
import { checkSameOrigin, clearSessionCookie, cookieValue, SESSION_COOKIE } from "../../_lib/auth";
import { publicRoute } from "../../_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = publicRoute(async (req) => {
  checkSameOrigin(req);
  await deleteSession(cookieValue(req, SESSION_COOKIE));
  const form = (req.headers.get("content-type") ?? "").includes("form");
  return new Response(form ? null : JSON.stringify({ ok: true }), {
    status: form ? 303 : 200,
    headers: { "set-cookie": clearSessionCookie(), ...(form ? { location: "/signin" } : { "content-type": "application/json" }) },
  });
});
