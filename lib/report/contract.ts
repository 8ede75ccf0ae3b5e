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

// 2: readiness is computed from problems and effort (inputs changed); findings carry problemId.
export const REPORT_SCHEMA_VERSION = 2;

export interface Readiness {
  score: number;
  band: "ready" | "low effort" | "moderate effort" | "significant effort" | "high effort" | "nothing assessed";
  formula: string;
  inputs: { objects: number; blockerProblems: number; warningProblems: number; effortHoursHigh: number };
}

export interface Summary {
  /** Findings: instances of problems. */
  findings: number;
  /** Root causes (findings sharing a problemId count once), by their most severe finding. */
  problems: { total: number; bySeverity: Record<Severity, number>; needPerson: Record<Severity, number> };
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

/** One root cause and what it costs (lib/problems.ts decides which findings share one). */
export interface ProblemTally {
  severity: Severity;
  /** Every finding of the problem has a mechanical fix. */
  auto: boolean;
  /** The largest effort bucket among its findings: one fix is one piece of work. */
  effort: Finding["effort"];
  ruleIds: string[];
  instances: number;
}

const EFFORT_RANK = { simple: 0, medium: 1, significant: 2 } as const;
const SEVERITY_RANK = { blocker: 0, warning: 1, advice: 2 } as const;

export function problemsOf(findings: Finding[]): Map<string, ProblemTally> {
  const out = new Map<string, ProblemTally>();
  for (const f of findings) {
    const id = f.problemId ?? `${f.ruleId}:${f.object.kind}:${f.object.schema ?? ""}.${f.object.name}`;
    const p = out.get(id);
    if (!p) {
      out.set(id, { severity: f.severity, auto: f.fix === "auto", effort: f.effort, ruleIds: [f.ruleId], instances: 1 });
      continue;
    }
    p.instances++;
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[p.severity]) p.severity = f.severity;
    if (EFFORT_RANK[f.effort] > EFFORT_RANK[p.effort]) p.effort = f.effort;
    p.auto &&= f.fix === "auto";
    if (!p.ruleIds.includes(f.ruleId)) p.ruleIds.push(f.ruleId);
  }
  return out;
}

/** Band limits on the estimated effort's high end, in hours: a day, a week, a month, a quarter of one person. */
export const BAND_HOURS = { ready: 8, low: 40, moderate: 160, significant: 640 } as const;

/**
 * Readiness. The score is the share of the schema untouched by problems a person has to solve:
 * 100 × (1 − (blocker problems + ½ × warning problems) ÷ objects), kept at 89 or below while a blocker
 * remains; problems the rewrite fixes mechanically count in the effort, not here. The band is how much work
 * the move is, from the estimated effort, so a large schema with thousands of blockers is never called
 * "moderate" because its object count is large, and a small script is judged by its own work.
 * Problems, not findings: an enum used by 40 columns is one decision, not 42.
 */
export function readiness(findings: Finding[], objects: number, statements?: number, effort = effortHours(findings)): Readiness {
  let blockerProblems = 0;
  let warningProblems = 0;
  for (const p of problemsOf(findings).values()) {
    if (p.auto) continue; // the rewrite fixes it; its review is in the effort
    if (p.severity === "blocker") blockerProblems++;
    else if (p.severity === "warning") warningProblems++;
  }
  const inputs = { objects, blockerProblems, warningProblems, effortHoursHigh: effort.high };
  const nothing = statements === 0 && objects === 0 && findings.length === 0;
  return {
    score: nothing ? 0 : readinessScore(inputs),
    band: nothing ? "nothing assessed" : readinessBand(inputs),
    formula: READINESS_FORMULA,
    inputs,
  };
}

export const READINESS_FORMULA =
  "score = 100 × (1 − (blocker problems + ½ × warning problems) ÷ objects), counting problems that need a person (mechanical fixes are in the effort), rounded, at least 0, at most 89 while any blocker problem remains; band by the estimated effort's high end: ready ≤ 8 h with no blocker problem, low effort ≤ 40 h, moderate ≤ 160 h, significant ≤ 640 h, high effort above";

/** The inputs as every view prints them next to the formula (reports before schema version 2 had effort points). */
export function readinessInputsText(i: Record<string, number | undefined>): string {
  if (i.blockerProblems === undefined) return `${i.objects} objects, ${i.blockerPoints} blocker points, ${i.warningPoints} warning points`;
  return `${i.objects} objects, ${i.blockerProblems} blocker problems, ${i.warningProblems} warning problems, estimated effort up to ${i.effortHoursHigh} h`;
}

/** The printed formula, applied to the printed inputs. */
export function readinessScore(i: Readiness["inputs"]): number {
  const score = Math.max(0, Math.round(100 * (1 - (i.blockerProblems + 0.5 * i.warningProblems) / Math.max(1, i.objects))));
  return i.blockerProblems > 0 ? Math.min(score, 89) : score;
}

export function readinessBand(i: Readiness["inputs"]): Readiness["band"] {
  const h = i.effortHoursHigh;
  if (i.blockerProblems === 0 && h <= BAND_HOURS.ready) return "ready";
  if (h <= BAND_HOURS.low) return "low effort";
  if (h <= BAND_HOURS.moderate) return "moderate effort";
  if (h <= BAND_HOURS.significant) return "significant effort";
  return "high effort";
}

/**
 * Effort per problem: a problem needing a person costs its largest bucket once (one fix, however many
 * findings it has); problems resolved by mechanical fixes cost one bucket per rule (reviewing one
 * rewrite applied many times). Advice is excluded.
 */
export function effortHours(findings: Finding[]): Summary["effortHours"] {
  let low = 0;
  let high = 0;
  const autoRules = new Set<string>();
  for (const p of problemsOf(findings).values()) {
    if (p.severity === "advice") continue;
    if (p.auto) {
      const fresh = p.ruleIds.filter((r) => !autoRules.has(r));
      if (fresh.length === 0) continue;
      for (const r of fresh) autoRules.add(r);
    }
    low += EFFORT_HOURS[p.effort].low;
    high += EFFORT_HOURS[p.effort].high;
  }
  return {
    low: round1(low),
    high: round1(high),
    formula:
      "Σ problems needing a person, each at its largest bucket once (simple 0.5–2 h, medium 2–6 h, significant 6–16 h) + one bucket per rule with auto fixes; advice excluded",
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
  const zero = () => Object.fromEntries(SEVERITIES.map((x) => [x, 0])) as Record<Severity, number>;
  const problems = { total: 0, bySeverity: zero(), needPerson: zero() };
  for (const p of problemsOf(findings).values()) {
    problems.total++;
    problems.bySeverity[p.severity]++;
    if (!p.auto) problems.needPerson[p.severity]++;
  }
  const effort = effortHours(findings);
  return {
    findings: findings.length,
    problems,
    bySeverity,
    byCategory,
    byRule,
    fixKinds,
    readiness: readiness(
      findings,
      objects,
      files.reduce((a, f) => a + f.statements, 0),
      effort,
    ),
    effortHours: effort,
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
