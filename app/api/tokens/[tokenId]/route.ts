/** DELETE /api/tokens/:tokenId — revoke one of your tokens. */
import { z } from "zod";
import { revokeApiToken } from "@/lib/auth/accounts";
import { HttpError, route } from "../../_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const DELETE = route<{ tokenId: string }>(
  async (_req, p, user) => {
    const id = z.uuid().safeParse(p.tokenId);
    if (!id.success || !(await revokeApiToken(user.id, id.data))) throw new HttpError(404, "not-found", "No such token");
    return new Response(null, { status: 204 });
  },
  { role: "viewer" },
);
