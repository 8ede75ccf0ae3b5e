/** PATCH /api/members/:userId { role } and DELETE /api/members/:userId — admin only. The last admin stays. */
import { z } from "zod";
import { removeMember, setRole } from "@/lib/auth/accounts";
import { ROLES } from "@/lib/auth/roles";
import { HttpError, json, readJson, route } from "../../_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const id = (p: { userId: string }) => {
  const r = z.uuid().safeParse(p.userId);
  if (!r.success) throw new HttpError(404, "not-found", "No such member");
  return r.data;
};

export const PATCH = route<{ userId: string }>(
  async (req, p) => {
    const b = z
      .object({ role: z.enum(ROLES) })
      .strict()
      .parse(await readJson(req));
    if (!(await setRole(id(p), b.role))) throw new HttpError(404, "not-found", "No such member");
    return json({ id: id(p), role: b.role });
  },
  { role: "admin" },
);

export const DELETE = route<{ userId: string }>(
  async (_req, p) => {
    if (!(await removeMember(id(p)))) throw new HttpError(404, "not-found", "No such member");
    return new Response(null, { status: 204 });
  },
  { role: "admin" },
);
