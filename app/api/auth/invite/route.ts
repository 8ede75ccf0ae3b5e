/** POST /api/auth/invite { token, password, name? } — an invited member sets a password and is signed in. */
import { z } from "zod";
import { acceptInvite, createSession } from "@/lib/auth/accounts";
import { checkSameOrigin, sessionCookie } from "../../_lib/auth";
import { json, publicRoute, readJson } from "../../_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const body = z.object({ token: z.string().max(200), password: z.string().max(1000), name: z.string().max(100).optional() }).strict();

export const POST = publicRoute(async (req) => {
  checkSameOrigin(req);
  const b = body.parse(await readJson(req));
  const user = await acceptInvite(b.token, b.password, b.name);
  const s = await createSession(user.id);
  return json({ user }, 200, { "set-cookie": sessionCookie(s.token, s.expiresAt, req) });
});
