/** The review vocabulary. Older API clients may still send the pre-team names. */
export const REVIEW_STATUSES = ["open", "accepted", "wontfix", "done"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const STATUS_LABEL: Record<ReviewStatus, string> = { open: "Open", accepted: "Accepted (will fix)", wontfix: "Won't fix", done: "Done" };

/** Names used before accounts existed: waived → wontfix, fixed → done. */
export const LEGACY_STATUS: Record<string, ReviewStatus> = { waived: "wontfix", fixed: "done" };

export function normaliseStatus(s: string): ReviewStatus | undefined {
  const v = LEGACY_STATUS[s] ?? s;
  return (REVIEW_STATUSES as readonly string[]).includes(v) ? (v as ReviewStatus) : undefined;
}
