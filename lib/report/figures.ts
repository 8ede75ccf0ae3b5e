/**
 * The headline figures of a stored report, computed once here and shown with the same names by every
 * view (Overview, Plan, Rewrites, Markdown, HTML/PDF, JSON export, CLI text). Views never recount.
 */
import { EFFORT_HOURS, SEVERITIES, type Category, type Effort, type Finding, type Severity } from "../rules/core/rule";
import type { AssessmentReport } from "./contract";

/** The one label per figure, so pages and exports say the same thing. */
export const FIGURE_LABEL = {
  readiness: "Readiness",
  effort: "Estimated effort",
  fixedByRewrite: "Fixed by the rewrite",
  needsPerson: "Needs a person",
  problems: "problems",
  dsqlStatements: "DSQL statements",
  sourceStatements: "source statements",
  objectsRewritten: "objects rewritten",
  manualWorkItems: "manual work items",
} as const;

export interface Hours {
  low: number;
  high: number;
}

/** One root cause a person has to handle, with every finding it produced. */
export interface Problem {
  id: string;
  ruleId: string;
  title: string;
  category: Category;
  severity: Severity;
  effort: Effort;
  hours: Hours;
  /** The object the problem is about ("table public.orders"), or the rule title when there is none. */
  object: string;
  instances: number;
}

export interface ProblemGroup {
  ruleId: string;
  title: string;
  category: Category;
  severity: Severity;
  problems: number;
  findings: number;
  hours: Hours;
  /** The first few objects, for a one-line preview. */
  objects: string[];
}

export interface ObjectFigures {
  total: number;
  rewritten: number;
  removed: number;
  added: number;
  manual: number;
  unchanged: number;
}

export interface ReportFigures {
  readiness: { score: number; band: string };
  effort: Hours & { basis: "plan" | "findings"; formula: string };
  findings: number;
  bySeverity: Record<Severity, number>;
  sourceStatements: number;
  /** Statements in the DSQL script (absent when the report has no rewrite). */
  dsqlStatements?: number;
  /** Removed, rewritten and added objects: a pg_dump --clean preamble is not among them (see cleanupStatements). */
  objects?: ObjectFigures;
  /** Statements of a pg_dump --clean preamble the rewrite left out as one unit (the target is empty). */
  cleanupStatements?: number;
  manualWorkItems?: number;
  /** Findings the rewrite resolves mechanically: reviewed, not worked on. */
  fixedByRewrite: number;
  /** Non-advice findings the rewrite cannot resolve, grouped into problems by root cause. */
  needsPerson: { findings: number; problems: number };
  /** Advice findings that need no change. */
  adviceOnly: number;
  /** Problems needing a person, most effort first. */
  problems: Problem[];
  /** Problems needing a person grouped by rule (one checklist group each), most effort first. */
  problemGroups: ProblemGroup[];
  /** Hours of the problems needing a person, per category, most first. */
  effortByCategory: Array<{ category: Category; low: number; high: number; problems: number }>;
}

type Obj = Record<string, unknown>;
const arr = (x: unknown): Obj[] => (Array.isArray(x) ? (x as Obj[]) : []);
const strs = (x: unknown): string[] => (Array.isArray(x) ? x.filter((v): v is string => typeof v === "string") : []);
const num = (x: unknown): number | undefined => (typeof x === "number" && Number.isFinite(x) ? x : undefined);
const EFFORT_RANK: Record<Effort, number> = { simple: 0, medium: 1, significant: 2 };
const SEVERITY_RANK: Record<Severity, number> = { blocker: 0, warning: 1, advice: 2 };

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function objectLabel(f: Pick<Finding, "object">): string {
  const o = f.object;
  return o?.name ? `${o.kind} ${o.schema ? `${o.schema}.` : ""}${o.name}` : "";
}

/** Root-cause key: the engine's `problemId` when the finding has one, else rule + object. */
export function problemKey(f: Finding): string {
  const id = (f as Finding & { problemId?: unknown }).problemId;
  if (typeof id === "string" && id) return id;
  const o = f.object;
  return `${f.ruleId}:${o?.kind ?? ""}:${o?.schema ?? ""}.${o?.name ?? ""}`;
}

/**
 * Rules the rewrite resolved mechanically: rules named on rewritten, removed or added objects, less the
 * rules of any manual work item (the plan's effort counts these once per rule, like auto fixes).
 */
export function mechanicalRules(report: AssessmentReport): Set<string> {
  const manual = new Set(arr(report.manualWorkItems).flatMap((m) => strs(m.ruleIds)));
  const out = new Set<string>();
  for (const o of arr(report.rewrites)) {
    if (o.status === "unchanged" || o.status === "manual") continue;
    for (const r of strs(o.rules)) if (!manual.has(r)) out.add(r);
  }
  return out;
}

function objectFigures(report: AssessmentReport): ObjectFigures | undefined {
  if (!Array.isArray(report.rewrites)) return undefined;
  const o: ObjectFigures = { total: 0, rewritten: 0, removed: 0, added: 0, manual: 0, unchanged: 0 };
  for (const r of arr(report.rewrites)) {
    o.total++;
    const s = r.status as keyof Omit<ObjectFigures, "total">;
    if (s in o) o[s]++;
  }
  return o;
}

export function figuresOf(report: AssessmentReport): ReportFigures {
  const s = report.summary;
  const auto = mechanicalRules(report);
  const fixed = (f: Finding) => f.fix === "auto" || auto.has(f.ruleId);
  let fixedByRewrite = 0;
  let adviceOnly = 0;
  let needsFindings = 0;
  const byProblem = new Map<string, Problem>();
  const bySeverity = Object.fromEntries(SEVERITIES.map((x) => [x, 0])) as Record<Severity, number>;
  for (const f of report.findings) {
    bySeverity[f.severity]++;
    if (fixed(f)) {
      fixedByRewrite++;
      continue;
    }
    if (f.severity === "advice") {
      adviceOnly++;
      continue;
    }
    needsFindings++;
    const id = problemKey(f);
    const p = byProblem.get(id);
    if (!p) {
      byProblem.set(id, {
        id,
        ruleId: f.ruleId,
        title: f.title,
        category: f.category,
        severity: f.severity,
        effort: f.effort,
        hours: { ...EFFORT_HOURS[f.effort] },
        object: objectLabel(f) || f.title,
        instances: 1,
      });
      continue;
    }
    p.instances++;
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[p.severity]) p.severity = f.severity;
    // One root cause is one piece of work: it costs its largest bucket, not one bucket per instance.
    if (EFFORT_RANK[f.effort] > EFFORT_RANK[p.effort]) {
      p.effort = f.effort;
      p.hours = { ...EFFORT_HOURS[f.effort] };
    }
  }
  const problems = [...byProblem.values()].sort(
    (a, b) =>
      b.hours.high - a.hours.high ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.instances - a.instances ||
      a.id.localeCompare(b.id),
  );
  const cats = new Map<Category, { category: Category; low: number; high: number; problems: number }>();
  for (const p of problems) {
    const c = cats.get(p.category) ?? { category: p.category, low: 0, high: 0, problems: 0 };
    c.low = round1(c.low + p.hours.low);
    c.high = round1(c.high + p.hours.high);
    c.problems++;
    cats.set(p.category, c);
  }
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const g = groups.get(p.ruleId) ?? {
      ruleId: p.ruleId,
      title: p.title,
      category: p.category,
      severity: p.severity,
      problems: 0,
      findings: 0,
      hours: { low: 0, high: 0 },
      objects: [],
    };
    g.problems++;
    g.findings += p.instances;
    g.hours = { low: round1(g.hours.low + p.hours.low), high: round1(g.hours.high + p.hours.high) };
    if (SEVERITY_RANK[p.severity] < SEVERITY_RANK[g.severity]) g.severity = p.severity;
    if (g.objects.length < 3) g.objects.push(p.object);
    groups.set(p.ruleId, g);
  }
  const plan = report.plan as { effort?: { total?: Obj; formula?: unknown } } | undefined;
  const planLow = num(plan?.effort?.total?.low);
  const planHigh = num(plan?.effort?.total?.high);
  const effort =
    planLow !== undefined && planHigh !== undefined
      ? {
          low: planLow,
          high: planHigh,
          basis: "plan" as const,
          formula: typeof plan?.effort?.formula === "string" ? plan.effort.formula : s.effortHours.formula,
        }
      : { low: s.effortHours.low, high: s.effortHours.high, basis: "findings" as const, formula: s.effortHours.formula };
  const rs = (report.rewriteSummary ?? {}) as Obj;
  return {
    readiness: { score: s.readiness.score, band: s.readiness.band },
    effort,
    findings: report.findings.length,
    bySeverity,
    sourceStatements: s.statements,
    dsqlStatements: num(rs.emitted),
    objects: objectFigures(report),
    cleanupStatements: num((rs.cleanup as Obj | undefined)?.statements),
    manualWorkItems: Array.isArray(report.manualWorkItems) ? report.manualWorkItems.length : undefined,
    fixedByRewrite,
    needsPerson: { findings: needsFindings, problems: problems.length },
    adviceOnly,
    problems,
    problemGroups: [...groups.values()].sort(
      (a, b) =>
        b.hours.high - a.hours.high ||
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        b.problems - a.problems ||
        a.ruleId.localeCompare(b.ruleId),
    ),
    effortByCategory: [...cats.values()].sort((a, b) => b.high - a.high || a.category.localeCompare(b.category)),
  };
}

/** "1,234" — one number format for every view. */
export function n(x: number): string {
  // Whole numbers (nearly all) are grouped by hand: the first toLocaleString loads ICU data, ~15 ms of a CLI run.
  if (Number.isSafeInteger(x)) return String(x).replace(/\B(?=(\d{3})+$)/g, ",");
  return x.toLocaleString("en-US");
}

/** "124–404 h" */
export function hours(h: Hours): string {
  return `${n(h.low)}–${n(h.high)} h`;
}

/** The headline sentences every view prints (text, Markdown, HTML) so their wording cannot drift. */
export function headline(fg: ReportFigures): { readiness: string; effort: string; work: string; rewrite?: string; cleanup?: string } {
  const rewrite =
    fg.dsqlStatements !== undefined && fg.objects
      ? `${n(fg.sourceStatements)} ${FIGURE_LABEL.sourceStatements} → ${n(fg.dsqlStatements)} ${FIGURE_LABEL.dsqlStatements}; ${n(fg.objects.rewritten)} ${FIGURE_LABEL.objectsRewritten}, ${n(fg.objects.removed)} removed, ${n(fg.objects.added)} added, ${n(fg.manualWorkItems ?? 0)} ${FIGURE_LABEL.manualWorkItems}`
      : undefined;
  return {
    readiness: `${FIGURE_LABEL.readiness} ${fg.readiness.score}/100 (${fg.readiness.band})`,
    effort: `${FIGURE_LABEL.effort} ${hours(fg.effort)}`,
    work: `${FIGURE_LABEL.fixedByRewrite}: ${n(fg.fixedByRewrite)} findings. ${FIGURE_LABEL.needsPerson}: ${n(fg.needsPerson.problems)} ${FIGURE_LABEL.problems} (${n(fg.needsPerson.findings)} findings)`,
    rewrite,
    cleanup: fg.cleanupStatements
      ? `${n(fg.cleanupStatements)} cleanup statement${fg.cleanupStatements === 1 ? "" : "s"} from pg_dump --clean left out (the target is empty)`
      : undefined,
  };
}

/** The report as the JSON exports write it: the contract plus its computed figures. */
export function withFigures<T extends AssessmentReport>(report: T): T & { figures: ReportFigures } {
  return { ...report, figures: figuresOf(report) };
}
