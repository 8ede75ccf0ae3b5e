/**
 * GET /api/assessments/:id/findings/:idx — review state, comments and audit trail of one finding.
 * PATCH { version, status?, note?, assigneeId?, comment? } — change it. `version` is the one you read;
 * if someone changed the finding since, nothing is written and the answer is 409 with the current state.
 * Status: open | accepted | wontfix (note = reason, required) | done (older names waived/fixed are accepted).
 */
import { z } from "zod";
import { auditTrail, changeFinding, comments, findingState } from "@/lib/review/findings";
import { HttpError, json, parseId, readJson, route } from "@/app/api/_lib/http";
import { parseIdx, statusField } from "@/app/api/_lib/review";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const body = z
  .object({
    version: z.number().int().min(0, "version: send the version you read"),
    status: statusField.optional(),
    note: z.string().max(2000).nullable().optional(),
    assigneeId: z.uuid().nullable().optional(),
    comment: z.string().max(5000).optional(),
  })
  .strict()
  .refine((b) => b.status !== "wontfix" || (b.note ?? "").trim().length > 0, {
    message: "won't fix needs a reason in note",
    path: ["note"],
  });

export const GET = route<{ id: string; idx: string }>(async (_req, params) => {
  const id = parseId(params);
  const idx = parseIdx(params);
  const state = await findingState(id, idx);
  if (!state) throw new HttpError(404, "not-found", "No such finding");
  const [c, audit] = await Promise.all([comments(id, idx), auditTrail(id, { idx })]);
  return json({ id: idx, state, comments: c, audit });
});

export const PATCH = route<{ id: string; idx: string }>(async (req, params, user) => {
  const id = parseId(params);
  const idx = parseIdx(params);
  const raw = await readJson(req);
  if (raw && typeof raw === "object" && !("version" in raw))
    throw new HttpError(
      400,
      "invalid-request",
      "version: required — send the finding's version as you read it (GET it first), so concurrent changes are detected",
    );
  const b = body.parse(raw);
  const state = await changeFinding(
    id,
    idx,
    b.version,
    { status: b.status, note: b.note, assigneeId: b.assigneeId, comment: b.comment },
    user.id,
  );
  return json({ id: idx, state });
});
