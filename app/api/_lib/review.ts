/** Shared request parsing for the review routes. */
import { z } from "zod";
import { normaliseStatus, REVIEW_STATUSES } from "@/lib/review/status";
import { HttpError } from "./http";

export function parseIdx(params: { idx: string }): number {
  const idx = z.coerce.number().int().min(0).max(10_000_000).safeParse(params.idx);
  if (!idx.success) throw new HttpError(404, "not-found", "No such finding");
  return idx.data;
}

/** A review status; the older names waived/fixed are read as wontfix/done. */
export const statusField = z.string().transform((s, ctx) => {
  const v = normaliseStatus(s);
  if (!v) {
    ctx.addIssue({ code: "custom", message: `status must be one of: ${REVIEW_STATUSES.join(", ")}` });
    return z.NEVER;
  }
  return v;
});
