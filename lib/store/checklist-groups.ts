/**
 * The checklist grouped by rule, in the order that answers "what needs a person": rules with findings
 * the rewrite cannot fix first (most effort first), then the rest by severity, then by size. Paged on
 * the server like the other groupings; facet counts follow the active filters.
 */
import { EFFORT_HOURS, type Effort } from "../rules/core/rule";
import type { Prisma } from "./generated/client";
import { findingWhere, type FindingFilters } from "./assessments";
import { prisma } from "./prisma";

/** A stored report never changes (a re-run is a new assessment), so its rule set is read once per process. */
const mechanicalCache = new Map<string, Promise<Set<string>>>();

/** Rules the rewrite resolved mechanically (same definition as lib/report/figures.ts mechanicalRules). */
export function mechanicalRuleIds(assessmentId: string): Promise<Set<string>> {
  let hit = mechanicalCache.get(assessmentId);
  if (!hit) {
    hit = readMechanicalRuleIds(assessmentId);
    hit.catch(() => mechanicalCache.delete(assessmentId));
    if (mechanicalCache.size >= 100) mechanicalCache.delete(mechanicalCache.keys().next().value!);
    mechanicalCache.set(assessmentId, hit);
  }
  return hit;
}

async function readMechanicalRuleIds(assessmentId: string): Promise<Set<string>> {
  const rows = await prisma().$queryRaw<Array<{ rule: string }>>`
    with r as (select "report" from "AssessmentReport" where "assessmentId" = ${assessmentId}::uuid),
    manual as (
      select distinct m.rule from r,
        jsonb_array_elements(case when jsonb_typeof(r."report"->'manualWorkItems') = 'array' then r."report"->'manualWorkItems' else '[]'::jsonb end) item,
        jsonb_array_elements_text(case when jsonb_typeof(item->'ruleIds') = 'array' then item->'ruleIds' else '[]'::jsonb end) m(rule))
    select distinct x.rule from r,
      jsonb_array_elements(case when jsonb_typeof(r."report"->'rewrites') = 'array' then r."report"->'rewrites' else '[]'::jsonb end) o,
      jsonb_array_elements_text(case when jsonb_typeof(o->'rules') = 'array' then o->'rules' else '[]'::jsonb end) x(rule)
    where coalesce(o->>'status', '') not in ('unchanged', 'manual') and x.rule not in (select rule from manual)`;
  return new Set(rows.map((r) => r.rule));
}

/** Each finding's root-cause key by its position in the report (the store keeps it only in the report). */
const problemCache = new Map<string, Promise<Map<number, string>>>();

export function problemIdsByIdx(assessmentId: string): Promise<Map<number, string>> {
  let hit = problemCache.get(assessmentId);
  if (!hit) {
    hit = readProblemIds(assessmentId);
    hit.catch(() => problemCache.delete(assessmentId));
    if (problemCache.size >= 100) problemCache.delete(problemCache.keys().next().value!);
    problemCache.set(assessmentId, hit);
  }
  return hit;
}

async function readProblemIds(assessmentId: string): Promise<Map<number, string>> {
  const rows = await prisma().$queryRaw<Array<{ idx: number; problem: string | null }>>`
    select (t.i - 1)::int as idx, t.f->>'problemId' as problem from "AssessmentReport" r,
      jsonb_array_elements(case when jsonb_typeof(r."report"->'findings') = 'array' then r."report"->'findings' else '[]'::jsonb end)
        with ordinality t(f, i)
    where r."assessmentId" = ${assessmentId}::uuid`;
  return new Map(rows.filter((r) => r.problem).map((r) => [Number(r.idx), r.problem!]));
}

/**
 * Instances of each root cause in the given rule groups under the active filters, keyed `rule problem`:
 * a page shows the instances it holds and says when a root cause has more on other pages.
 */
export async function problemTotals(
  assessmentId: string,
  where: Prisma.FindingWhereInput,
  ruleIds: string[],
): Promise<Map<string, number>> {
  if (!ruleIds.length) return new Map();
  const [rows, problems] = await Promise.all([
    prisma().finding.findMany({ where: { AND: [where, { ruleId: { in: ruleIds } }] }, select: { idx: true, ruleId: true } }),
    problemIdsByIdx(assessmentId),
  ]);
  const totals = new Map<string, number>();
  for (const r of rows) {
    const p = problems.get(r.idx);
    if (p) totals.set(`${r.ruleId} ${p}`, (totals.get(`${r.ruleId} ${p}`) ?? 0) + 1);
  }
  return totals;
}

export interface RuleGroup {
  key: string;
  count: number;
  /** Findings in the group that need a person (not fixed by the rewrite, not advice). */
  needsPerson: number;
}

/** Rule groups matching `where`, in checklist order. */
export async function orderedRuleGroups(assessmentId: string, where: Prisma.FindingWhereInput): Promise<RuleGroup[]> {
  const [rows, mechanical] = await Promise.all([
    prisma().finding.groupBy({ by: ["ruleId", "fix", "severityRank", "effort"], where, _count: { _all: true } }),
    mechanicalRuleIds(assessmentId),
  ]);
  const g = new Map<string, RuleGroup & { hours: number; rank: number }>();
  for (const r of rows) {
    const e = g.get(r.ruleId) ?? { key: r.ruleId, count: 0, needsPerson: 0, hours: 0, rank: 9 };
    const n = r._count._all;
    e.count += n;
    e.rank = Math.min(e.rank, r.severityRank);
    if (r.fix !== "auto" && r.severityRank < 2 && !mechanical.has(r.ruleId)) {
      e.needsPerson += n;
      e.hours += n * (EFFORT_HOURS[r.effort as Effort]?.high ?? 0);
    }
    g.set(r.ruleId, e);
  }
  return [...g.values()]
    .sort(
      (a, b) =>
        Number(b.needsPerson > 0) - Number(a.needsPerson > 0) ||
        b.hours - a.hours ||
        a.rank - b.rank ||
        b.count - a.count ||
        a.key.localeCompare(b.key),
    )
    .map(({ key, count, needsPerson }) => ({ key, count, needsPerson }));
}

/** One page of findings across ordered rule groups: each group contributes its slice of the window. */
export async function ruleGroupedPage<T>(
  groups: RuleGroup[],
  where: Prisma.FindingWhereInput,
  offset: number,
  limit: number,
  fetch: (where: Prisma.FindingWhereInput, skip: number, take: number) => Promise<T[]>,
): Promise<T[]> {
  const parts: Array<Promise<T[]>> = [];
  let start = 0;
  for (const g of groups) {
    const end = start + g.count;
    if (end > offset && start < offset + limit) {
      const skip = Math.max(0, offset - start);
      const take = Math.min(g.count - skip, offset + limit - Math.max(offset, start));
      parts.push(fetch({ AND: [where, { ruleId: g.key }] }, skip, take));
    }
    start = end;
    if (start >= offset + limit) break;
  }
  return (await Promise.all(parts)).flat();
}

type Facets = {
  severity: Record<string, number>;
  category: Record<string, number>;
  fix: Record<string, number>;
  status: Record<string, number>;
};

/** Counts per facet value under the other active filters (a facet never narrows its own counts). */
export async function filteredFacets(assessmentId: string, f: FindingFilters): Promise<Facets> {
  const db = prisma();
  const dims = ["severity", "category", "fix", "status"] as const;
  const counts = await Promise.all(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    dims.map(
      (d) =>
        (db.finding.groupBy as any)({ by: [d], where: findingWhere(assessmentId, { ...f, [d]: [] }), _count: { _all: true } }) as Promise<
          Array<Record<string, unknown> & { _count: { _all: number } }>
        >,
    ),
  );
  const m = (rows: Array<Record<string, unknown> & { _count: { _all: number } }>, k: string) =>
    Object.fromEntries(rows.map((r) => [String(r[k]), r._count._all]));
  return {
    severity: m(counts[0]!, "severity"),
    category: m(counts[1]!, "category"),
    fix: m(counts[2]!, "fix"),
    status: m(counts[3]!, "status"),
  };
}
