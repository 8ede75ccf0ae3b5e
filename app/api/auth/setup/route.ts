/** POST /api/auth/setup { email, name?, password } — first-run signup: the first account is the admin. Refused once any account exists. */
import { z } from "zod";
import { createSession, createUser } from "@/lib/auth/accounts";
import { checkSameOrigin, sessionCookie } from "../../_lib/auth";
import { json, publicRoute, readJson } from "../../_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const body = z.object({ email: z.string().max(254), name: z.string().max(100).optional(), password: z.string().max(1000) }).strict();

export const POST = publicRoute(async (req) => {
  checkSameOrigin(req);
  const b = body.parse(await readJson(req));
  const user = await createUser({ ...b, role: "admin", firstAdmin: true });
  const s = await createSession(user.id);
  return json({ user }, 201, { "set-cookie": sessionCookie(s.token, s.expiresAt, req) });
});
