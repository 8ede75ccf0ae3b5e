/**
 * POST /api/assessments/:id/findings/bulk { filter: { severity?, category?, fix?, status?, rule?, assignee?, q?, ids? }, status?, note?, assigneeId?, comment? }
 * Apply one change to every finding the filter selects (the checklist's filters); each change is audited.
 */
import { z } from "zod";
import { bulkChange } from "@/lib/review/findings";
import { findingWhere, getAssessment } from "@/lib/store/assessments";
import { HttpError, json, parseId, readJson, route } from "@/app/api/_lib/http";
import { statusField } from "@/app/api/_lib/review";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const list = z.array(z.string().max(200)).max(500).optional();
const body = z
  .object({
    filter: z
      .object({
        severity: list,
        category: list,
        fix: list,
        status: z.array(statusField).optional(),
        rule: list,
        assignee: list,
        q: z.string().max(200).optional(),
        ids: z.array(z.number().int().min(0)).max(100_000).optional(),
      })
      .strict(),
    status: statusField.optional(),
    note: z.string().max(2000).nullable().optional(),
    assigneeId: z.uuid().nullable().optional(),
    comment: z.string().max(5000).optional(),
  })
  .strict()
  .refine((b) => b.status !== undefined || b.assigneeId !== undefined, { message: "give a status or an assigneeId" })
  .refine((b) => b.status !== "wontfix" || (b.note ?? "").trim().length > 0, {
    message: "won't fix needs a reason in note",
    path: ["note"],
  });

export const POST = route(async (req, params, user) => {
  const id = parseId(params);
  const b = body.parse(await readJson(req));
  const a = await getAssessment(id);
  if (!a) throw new HttpError(404, "not-found", "No such assessment");
  const where = findingWhere(id, { ...b.filter, q: b.filter.q || undefined });
  if (b.filter.ids) where.idx = { in: b.filter.ids };
  const count = await bulkChange(id, where, { status: b.status, note: b.note, assigneeId: b.assigneeId, comment: b.comment }, user.id);
  return json({ updated: count });
});
