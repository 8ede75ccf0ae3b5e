/**
 * POST /api/assessments/:id/verify — start verifying the rewrite (members): the inputs and the rewritten
 * script are loaded into a throwaway PostgreSQL and their tables, columns and keys compared. 202 with
 * the state; a verification already queued or running is returned instead of starting another.
 * GET — the state: { verification: null | { status, requestedAt, startedAt?, finishedAt?, result?, error? } }.
 */
import { z } from "zod";
import { cannotVerify, readVerification, requestVerification } from "@/lib/jobs/verification";
import { getAssessment } from "@/lib/store/assessments";
import { prisma } from "@/lib/store/prisma";
import { HttpError, json, parseId, route } from "@/app/api/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** No options yet: an empty body or `{}`. */
const body = z.object({}).strict();

export const POST = route(async (req, params) => {
  const id = parseId(params);
  const text = await req.text();
  let raw: unknown = {};
  try {
    raw = text.trim() ? JSON.parse(text) : {};
  } catch {
    throw new HttpError(400, "invalid-json", "The request body is not valid JSON");
  }
  body.parse(raw);
  const a = await getAssessment(id);
  if (!a) throw new HttpError(404, "not-found", "No such assessment");
  const refused = cannotVerify(a, a.inputs.length);
  if (refused) throw new HttpError(409, "cannot-verify", refused);
  const verification = await requestVerification(prisma(), id);
  return json({ verification }, 202);
});

export const GET = route(async (_req, params) => {
  const id = parseId(params);
  const a = await getAssessment(id);
  if (!a) throw new HttpError(404, "not-found", "No such assessment");
  return json({
    verification: (await readVerification(prisma(), id)) ?? null,
    canVerify: !cannotVerify(a, a.inputs.length),
    reason: cannotVerify(a, a.inputs.length) ?? null,
  });
});
