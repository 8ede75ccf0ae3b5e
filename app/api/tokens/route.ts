/** GET /api/tokens — your personal API tokens; POST { name } creates one (shown once). Use as Authorization: Bearer <token>. */
import { z } from "zod";
import { createApiToken, listApiTokens } from "@/lib/auth/accounts";
import { json, readJson, route } from "../_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (_req, _p, user) => json({ tokens: await listApiTokens(user.id) }));

export const POST = route(
  async (req, _p, user) => {
    const b = z
      .object({ name: z.string().trim().min(1).max(100) })
      .strict()
      .parse(await readJson(req));
    const t = await createApiToken(user.id, b.name);
    return json({ id: t.id, token: t.token, prefix: t.prefix, name: b.name }, 201);
  },
  { role: "viewer" },
);
