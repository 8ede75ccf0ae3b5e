/**
 * The JSON report: the one contract the CLI, the dashboard, exports and CI read. Bump
 * REPORT_SCHEMA_VERSION when a field changes meaning or disappears; adding fields is compatible.
 */
import type { AnalysisResult } from "../analyze";
import type { FileStatistics } from "../ingest/parse";
import { inventory, objectCount } from "../model/schema";
import { CATEGORIES, EFFORT_HOURS, SEVERITIES, type Category, type Finding, type Severity } from "../rules/core/rule";
import { TOOL_VERSION } from "../version";
import { capabilityStatus, type CapabilityStatus } from "./capability";

export const REPORT_SCHEMA_VERSION = 1;

export interface Readiness {
  score: number;
  band: "ready" | "low effort" | "moderate effort" | "significant effort" | "high effort" | "nothing assessed";
  formula: string;
  inputs: { objects: number; blockerPoints: number; warningPoints: number };
}

export interface Summary {
  findings: number;
  bySeverity: Record<Severity, number>;
  byCategory: Record<Category, number>;
  byRule: Record<string, number>;
  fixKinds: { auto: number; manual: number };
  readiness: Readiness;
  effortHours: { low: number; high: number; formula: string };
  statements: number;
  parseErrors: number;
}

export interface FileReport extends Omit<FileStatistics, "metaCommands"> {
  metaCommands: Array<{ line: number; command: string }>;
}

export interface AssessmentReport {
  schemaVersion: number;
  tool: { name: "dsql-preflight"; version: string };
  generatedAt: string;
  /** DSQL capability date the findings were assessed against. */
  targetDate: string;
  /** The newest capability in force at the target date (with its age) and every approximate capability date. */
  capability: CapabilityStatus;
  files: FileReport[];
  inventory: Record<string, number>;
  findings: Finding[];
  summary: Summary;
  /** Optional sections filled by other stages (rewrites, plan, live source, cost). */
  [section: string]: unknown;
}

const POINTS = { simple: 1, medium: 3, significant: 7 } as const;

/**
 * Readiness 0–100: each blocker costs its effort points (simple 1, medium 3, significant 7),
 * each warning half of that, advice nothing; the total is set against every object at 7 points.
 */
export function readiness(findings: Finding[], objects: number, statements?: number): Readiness {
  let blockerPoints = 0;
  let warningPoints = 0;
  for (const f of findings) {
    if (f.severity === "blocker") blockerPoints += POINTS[f.effort];
    else if (f.severity === "warning") warningPoints += POINTS[f.effort] / 2;
  }
  const denominator = Math.max(1, objects) * 7;
  const score = Math.max(0, Math.round(100 * (1 - (blockerPoints + warningPoints) / denominator)));
  const hasBlockers = findings.some((f) => f.severity === "blocker");
  // A schema with any blocker cannot be "ready", whatever its size.
  const capped = hasBlockers ? Math.min(score, 89) : score;
  // No statements and no objects: an empty input, not a ready one.
  const nothing = statements === 0 && objects === 0 && findings.length === 0;
  const band: Readiness["band"] = nothing
    ? "nothing assessed"
    : capped >= 90 ? "ready" : capped >= 70 ? "low effort" : capped >= 45 ? "moderate effort" : capped >= 1 ? "significant effort" : "high effort";
  return {
    score: nothing ? 0 : capped,
    band,
    formula:
      "100 × (1 − (Σ blocker points + ½ × Σ warning points) ÷ (7 × objects)), points by effort: simple 1, medium 3, significant 7; advice scores 0; capped at 89 while any blocker remains",
    inputs: { objects, blockerPoints, warningPoints },
  };
}

/**
 * Effort: each manual finding costs its bucket; each rule with auto-fixed findings costs its bucket
 * once (reviewing one mechanical rewrite applied many times). Advice is excluded.
 */
export function effortHours(findings: Finding[]): Summary["effortHours"] {
  let low = 0;
  let high = 0;
  const autoRules = new Set<string>();
  for (const f of findings) {
    if (f.severity === "advice") continue;
    if (f.fix === "auto") {
      if (autoRules.has(f.ruleId)) continue;
      autoRules.add(f.ruleId);
    }
    low += EFFORT_HOURS[f.effort].low;
    high += EFFORT_HOURS[f.effort].high;
  }
  return {
    low: round1(low),
    high: round1(high),
    formula: "Σ manual findings by bucket (simple 0.5–2 h, medium 2–6 h, significant 6–16 h) + one bucket per rule with auto fixes; advice excluded",
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function summarize(findings: Finding[], files: FileStatistics[], objects: number): Summary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const byRule: Record<string, number> = {};
  const fixKinds = { auto: 0, manual: 0 };
  for (const f of findings) {
    bySeverity[f.severity]++;
    byCategory[f.category]++;
    byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    fixKinds[f.fix]++;
  }
  return {
    findings: findings.length,
    bySeverity,
    byCategory,
    byRule,
    fixKinds,
    readiness: readiness(findings, objects, files.reduce((a, f) => a + f.statements, 0)),
    effortHours: effortHours(findings),
    statements: files.reduce((a, f) => a + f.statements, 0),
    parseErrors: files.reduce((a, f) => a + f.parseErrors, 0),
  };
}

export function buildReport(result: AnalysisResult, now: Date = new Date()): AssessmentReport {
  const objects = objectCount(result.model);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "dsql-preflight", version: TOOL_VERSION },
    generatedAt: now.toISOString(),
    targetDate: result.targetDate,
    capability: capabilityStatus(result.targetDate, now),
    files: result.files.map((f) => ({ ...f, metaCommands: f.metaCommands.map((m) => ({ line: m.line, command: m.text })) })),
    inventory: inventory(result.model),
    findings: result.findings,
    summary: summarize(result.findings, result.files, objects),
  };
}
