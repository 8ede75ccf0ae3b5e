/** POST /api/auth/signin { email, password } — sets the session cookie. Rate-limited per email and address. */
import { z } from "zod";
import { createSession, signIn } from "@/lib/auth/accounts";
import { clientIp, sessionCookie } from "../../_lib/auth";
import { json, publicRoute, readJson } from "../../_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const body = z.object({ email: z.string().max(254), password: z.string().max(1000) });

export const POST = publicRoute(async (req) => {
  const b = body.parse(await readJson(req));
  const user = await signIn(b.email, b.password, clientIp(req));
  const s = await createSession(user.id);
  return json({ user }, 200, { "set-cookie": sessionCookie(s.token, s.expiresAt, req) });
});
