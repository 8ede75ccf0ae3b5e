/**
 * Severity colours, the one source for pages, charts and exports. Text colours meet WCAG AA (≥ 4.5:1)
 * on white and on their own tint.
 */
export const SEVERITIES = ["blocker", "warning", "advice"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_COLOR: Record<Severity, { fg: string; bg: string; border: string; label: string }> = {
  blocker: { fg: "#b91c1c", bg: "#fef2f2", border: "#fecaca", label: "Blocker" },
  warning: { fg: "#a16207", bg: "#fefce8", border: "#fde68a", label: "Warning" },
  advice: { fg: "#1d4ed8", bg: "#eff6ff", border: "#bfdbfe", label: "Advice" },
};

export function severityColor(s: string) {
  return SEVERITY_COLOR[(s as Severity) in SEVERITY_COLOR ? (s as Severity) : "advice"];
}

export const BAND_COLOR: Record<string, string> = {
  ready: "#15803d",
  "low effort": "#4d7c0f",
  "moderate effort": "#a16207",
  "significant effort": "#c2410c",
  "high effort": "#b91c1c",
};

export const STATUS_LABEL: Record<string, string> = { open: "Open", accepted: "Accepted (will fix)", wontfix: "Won't fix", done: "Done" };
export const FINDING_STATUSES = ["open", "accepted", "wontfix", "done"] as const;
export const STATUS_COLOR: Record<string, string> = { open: "#64748b", accepted: "#4338ca", wontfix: "#9a3412", done: "#15803d" };
