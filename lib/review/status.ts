/** The review vocabulary. Older API clients may still send the pre-team names. */
import { REVIEW_STATUSES, type ReviewStatus } from "../report/vocabulary";

export { REVIEW_STATUSES, STATUS_LABEL, type ReviewStatus } from "../report/vocabulary";

/** Names used before accounts existed: waived → wontfix, fixed → done. */
export const LEGACY_STATUS: Record<string, ReviewStatus> = { waived: "wontfix", fixed: "done" };

export function normaliseStatus(s: string): ReviewStatus | undefined {
  const v = LEGACY_STATUS[s] ?? s;
  return (REVIEW_STATUSES as readonly string[]).includes(v) ? (v as ReviewStatus) : undefined;
}
