/**
 * The words the engine, the CLI, the API and the dashboard share: severities, review statuses, output
 * formats and key strategies, with their labels and colours. One list each, so a new value is added in
 * one place. No imports: everything may depend on this module.
 */

export const SEVERITIES = ["blocker", "warning", "advice"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Severity colours for pages, charts and exports. Text colours meet WCAG AA (≥ 4.5:1) on white and on their own tint. */
export const SEVERITY_COLOR: Record<Severity, { fg: string; bg: string; border: string; label: string }> = {
  blocker: { fg: "#b91c1c", bg: "#fef2f2", border: "#fecaca", label: "Blocker" },
  warning: { fg: "#a16207", bg: "#fefce8", border: "#fde68a", label: "Warning" },
  advice: { fg: "#1d4ed8", bg: "#eff6ff", border: "#bfdbfe", label: "Advice" },
};

export function severityColor(s: string) {
  return SEVERITY_COLOR[(s as Severity) in SEVERITY_COLOR ? (s as Severity) : "advice"];
}

/** Readiness bands (lib/report/contract.ts) and their colours. */
export const BAND_COLOR: Record<string, string> = {
  ready: "#15803d",
  "low effort": "#4d7c0f",
  "moderate effort": "#a16207",
  "significant effort": "#c2410c",
  "high effort": "#b91c1c",
};

/** Review states of a finding. */
export const REVIEW_STATUSES = ["open", "accepted", "wontfix", "done"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
// Keyed by any string: stored statuses are read back as plain strings.
export const STATUS_LABEL: Readonly<Record<string, string>> = {
  open: "Open",
  accepted: "Accepted (will fix)",
  wontfix: "Won't fix",
  done: "Done",
} satisfies Record<ReviewStatus, string>;
export const STATUS_COLOR: Readonly<Record<string, string>> = {
  open: "#64748b",
  accepted: "#4338ca",
  wontfix: "#9a3412",
  done: "#15803d",
} satisfies Record<ReviewStatus, string>;

/** What the dashboard shows about a rule next to its findings. */
export interface RuleDoc {
  id: string;
  title: string;
  why: string;
  fix: string;
  docsUrl: string;
  example?: { bad: string; good: string };
}

/** `dsql-preflight analyze --format`. */
export const REPORT_FORMATS = ["text", "json", "md", "sarif"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Downloads of a stored assessment (API, shared links, `dsql-preflight export`). */
export const EXPORT_FORMATS = ["md", "summary", "pdf", "json", "sarif", "html"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** A shared link's downloads: the HTML form is the shared page itself. */
export const SHARED_EXPORT_FORMATS = ["md", "pdf", "json", "sarif"] as const satisfies readonly ExportFormat[];

/** How the rewrite turns serial/sequence-backed keys into DSQL keys. */
export const KEY_STRATEGIES = ["identity", "uuid", "keep"] as const;
export type KeyStrategy = (typeof KEY_STRATEGIES)[number];
/** The CLI's default; the dashboard offers `keep` first (sequences are supported, nothing changes). */
export const DEFAULT_KEY_STRATEGY: KeyStrategy = "identity";
export const DASHBOARD_KEY_STRATEGY: KeyStrategy = "keep";
export const KEY_STRATEGY_LABEL: Record<KeyStrategy, string> = {
  keep: "Keep sequences",
  uuid: "UUID keys",
  identity: "Identity columns",
};
export const KEY_STRATEGY_HELP: Record<KeyStrategy, string> = {
  keep: "Keep sequence-backed keys as they are (DSQL supports sequences since 2026-02-13).",
  uuid: "Replace serial keys with UUIDs (gen_random_uuid()): no insert hot spot; foreign keys follow.",
  identity: "Turn serial keys into identity columns with a large CACHE.",
};
