/** GET /api/assessments/:id/share — the assessment's share links; POST { expiresInDays?, expiresAt?, label? } creates one (token shown once). */
import { z } from "zod";
import { createShareLink, listShareLinks } from "@/lib/review/share";
import { getAssessment } from "@/lib/store/assessments";
import { HttpError, json, parseId, readJson, route } from "@/app/api/_lib/http";

import { publicOrigin } from "@/app/api/_lib/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = route(async (_req, params) => {
  const id = parseId(params);
  if (!(await getAssessment(id))) throw new HttpError(404, "not-found", "No such assessment");
  return json({ links: await listShareLinks(id) });
});

const body = z
  .object({
    expiresInDays: z.number().min(0.0001).max(3650).optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    label: z.string().max(100).optional(),
  })
  .strict()
  .refine((b) => !(b.expiresAt && b.expiresInDays), { message: "give expiresAt or expiresInDays, not both" });

export const POST = route(async (req, params, user) => {
  const id = parseId(params);
  const text = await req.text();
  const b = body.parse(text.trim() ? JSON.parse(text) : {});
  const a = await getAssessment(id);
  if (!a) throw new HttpError(404, "not-found", "No such assessment");
  if (a.status !== "done") throw new HttpError(409, "not-ready", `Assessment is ${a.status}`);
  const expiresAt = b.expiresAt ? new Date(b.expiresAt) : b.expiresInDays ? new Date(Date.now() + b.expiresInDays * 86400_000) : null;
  if (expiresAt && expiresAt < new Date()) throw new HttpError(400, "invalid-request", "expiresAt: must be in the future");
  const link = await createShareLink(id, user.id, { expiresAt, label: b.label });
  return json({ ...link, absoluteUrl: `${publicOrigin(req)}${link.url}` }, 201);
});
