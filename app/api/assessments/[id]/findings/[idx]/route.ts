/** PATCH /api/assessments/:id/findings/:idx — set a finding's review state: { status, note? }. */
import { z } from "zod";
import { setFindingState } from "../../../../../../lib/store/assessments";
import { HttpError, json, parseId, readJson, route } from "../../../../_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const body = z
  .object({
    status: z.enum(["open", "accepted", "waived", "fixed"]),
    note: z.string().max(2000).nullable().optional(),
  })
  .strict()
  .refine((b) => b.status !== "waived" || (b.note ?? "").trim().length > 0, { message: "a waiver needs a reason in note", path: ["note"] });

export const PATCH = route<{ id: string; idx: string }>(async (req, params) => {
  const id = parseId(params);
  const idx = z.coerce.number().int().min(0).safeParse(params.idx);
  if (!idx.success) throw new HttpError(404, "not-found", "No such finding");
  const b = body.parse(await readJson(req));
  if (!(await setFindingState(id, idx.data, b.status, b.note))) throw new HttpError(404, "not-found", "No such finding");
  return json({ id: idx.data, state: { status: b.status, note: b.note ?? null } });
});
