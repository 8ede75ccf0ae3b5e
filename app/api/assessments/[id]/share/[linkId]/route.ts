/** DELETE /api/assessments/:id/share/:linkId — revoke a share link (it answers 404 from then on). */
import { z } from "zod";
import { revokeShareLink } from "@/lib/review/share";
import { HttpError, parseId, route } from "@/app/api/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const DELETE = route<{ id: string; linkId: string }>(async (_req, params, user) => {
  const id = parseId(params);
  const link = z.uuid().safeParse(params.linkId);
  if (!link.success || !(await revokeShareLink(id, link.data, user.id))) throw new HttpError(404, "not-found", "No such active share link");
  return new Response(null, { status: 204 });
});
