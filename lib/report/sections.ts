/**
 * Normalises the rewrite and plan sections of a report (written by the rewrite stage) into what the
 * pages show. Field names follow lib/rewrite/types.ts; unknown or missing parts degrade to empty.
 */
import type { AssessmentReport } from "./contract";

export interface DiffHunk {
  oldStart: number;
  newStart: number;
  lines: string[];
  rules: string[];
  reasons: string[];
}

export interface RewriteObject {
  index: number;
  label: string;
  kind: string;
  status: string;
  original: string;
  rewritten: string;
  hunks: DiffHunk[];
  rules: string[];
  notes: string[];
}

export interface ManualEntry {
  label: string;
  reason: string;
  suggestion: string;
  original: string;
  rules: string[];
  location: string;
}

export interface Rewrites {
  objects: RewriteObject[];
  script: string;
  manual: ManualEntry[];
  stats: Record<string, number>;
}

type Obj = Record<string, unknown>;
const arr = (x: unknown): Obj[] => (Array.isArray(x) ? (x as Obj[]) : []);
const str = (x: unknown): string => (typeof x === "string" ? x : "");
const strs = (x: unknown): string[] => (Array.isArray(x) ? x.filter((v): v is string => typeof v === "string") : []);

export function objLabel(o: unknown): { label: string; kind: string } {
  const r = (o ?? {}) as Obj;
  const kind = str(r.kind) || "object";
  const name = str(r.name);
  const schema = str(r.schema);
  return { kind, label: name ? `${schema ? `${schema}.` : ""}${name}` : kind };
}

export function rewritesOf(report: AssessmentReport): Rewrites | undefined {
  const raw = report.rewrites as Obj | Obj[] | undefined;
  if (!raw || typeof raw !== "object") return undefined;
  // withRewrites() writes `rewrites` as the object list, with `manualWorkItems` and `rewriteSummary` beside it.
  const r: Obj = Array.isArray(raw) ? { objects: raw, manual: report.manualWorkItems, stats: report.rewriteSummary } : raw;
  const objects = arr(r.objects).map((o, index) => {
    const { label, kind } = objLabel(o.object);
    return {
      index,
      label,
      kind,
      status: str(o.status) || "rewritten",
      original: str(o.original),
      rewritten: str(o.rewritten),
      hunks: arr(o.hunks).map((h) => ({
        oldStart: Number(h.oldStart) || 1,
        newStart: Number(h.newStart) || 1,
        lines: strs(h.lines),
        rules: strs(h.rules),
        reasons: strs(h.reasons),
      })),
      rules: strs(o.rules),
      notes: strs(o.notes),
    };
  });
  const script =
    str(r.script) ||
    arr(r.statements)
      .map((s) => str(s.sql))
      .filter(Boolean)
      .join("\n\n");
  const manual = arr(r.manual).map((m) => ({
    label: objLabel(m.object).label,
    reason: str(m.reason),
    suggestion: str(m.suggestion),
    original: str(m.original),
    rules: strs(m.ruleIds ?? m.rules),
    location: m.file ? `${str(m.file)}:${Number(m.line) || 0}` : "",
  }));
  const stats = Object.fromEntries(Object.entries((r.stats ?? {}) as Obj).filter(([, v]) => typeof v === "number")) as Record<
    string,
    number
  >;
  return { objects, script, manual, stats };
}

export interface PlanStep {
  title: string;
  detail: string;
  sql: string;
  command: string;
  verify: string;
  resolves: string[];
  notes: string[];
}

export interface PlanPhase {
  id: string;
  title: string;
  summary: string;
  effort?: { low: number; high: number };
  steps: PlanStep[];
}

export function planOf(report: AssessmentReport): PlanPhase[] | undefined {
  const p = report.plan as Obj | Obj[] | undefined;
  if (!p) return undefined;
  const phases = Array.isArray(p) ? p : arr((p as Obj).phases);
  return phases.map((ph, i) => {
    const e = ph.effortHours as { low?: unknown; high?: unknown } | undefined;
    return {
      id: str(ph.id) || `phase-${i + 1}`,
      title: (str(ph.title) || str(ph.name) || `Phase ${i + 1}`).replace(/^\d+\.\s*/, ""),
      summary: str(ph.summary) || str(ph.description) || str(ph.why),
      effort: e && typeof e.low === "number" && typeof e.high === "number" ? { low: e.low, high: e.high } : undefined,
      steps: arr(ph.steps).map((s, j) => ({
        title: str(s.title) || str(s.name) || `Step ${j + 1}`,
        detail: str(s.purpose) || str(s.detail) || str(s.description) || str(s.why),
        sql:
          str(s.sql) ||
          strs(s.statements).join("\n") ||
          arr(s.statements)
            .map((x) => str(x.sql))
            .filter(Boolean)
            .join("\n"),
        command: str(s.command),
        verify: str(s.verify),
        resolves: strs(s.resolves),
        notes: strs(s.notes),
      })),
    };
  });
}

export function planEffort(report: AssessmentReport): { low: number; high: number; formula: string } | undefined {
  const e = (report.plan as Obj | undefined)?.effort as { total?: { low: number; high: number }; formula?: string } | undefined;
  return e?.total ? { ...e.total, formula: e.formula ?? "" } : undefined;
}

/** The databases of a cluster dump the report's files hold, by name, in order of appearance. */
export function databasesOf(report: Pick<AssessmentReport, "files">): string[] {
  return [...new Set(report.files.flatMap((f) => (f.databases ?? []).map((d) => d.name)))];
}
