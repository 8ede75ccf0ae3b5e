/** GET /api/auth/me — the signed-in user. */
import { json, route } from "../../_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (_req, _p, user) => json({ user }));
