/**
 * GET /api/members — everyone with an account (names for assignment; viewers may read it).
 * POST /api/members { email, name?, role, password? } — admin adds a member: with an initial password,
 * or without one to get a one-use invitation link (valid 7 days).
 */
import { z } from "zod";
import { createInvite, createUser, listMembers } from "@/lib/auth/accounts";
import { ROLES } from "@/lib/auth/roles";
import { json, readJson, route } from "../_lib/http";

import { publicOrigin } from "../_lib/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (_req, _p, user) => {
  const members = await listMembers();
  return json({
    members: members.map((m) => (user.role === "admin" ? m : { id: m.id, name: m.name, email: m.email, role: m.role, pending: m.pending })),
  });
});

const body = z
  .object({
    email: z.string().max(254),
    name: z.string().max(100).optional(),
    role: z.enum(ROLES).default("member"),
    password: z.string().max(1000).optional(),
  })
  .strict();

export const POST = route(
  async (req, _p, user) => {
    const b = body.parse(await readJson(req));
    if (b.password) {
      const created = await createUser({ email: b.email, name: b.name, role: b.role, password: b.password });
      return json({ user: created }, 201);
    }
    const inv = await createInvite(user.id, b.email, b.role, b.name);
    const origin = publicOrigin(req);
    return json(
      {
        user: { id: inv.userId, email: b.email.trim().toLowerCase(), role: b.role },
        invite: { url: `${origin}/invite/${inv.token}`, path: `/invite/${inv.token}`, expiresAt: inv.expiresAt },
      },
      201,
    );
  },
  { role: "admin" },
);
