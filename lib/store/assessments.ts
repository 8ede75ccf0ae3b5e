/**
 * Reading assessments and their findings for the pages and the JSON API. Starting and re-running an
 * assessment (store the inputs, enqueue the job) is lib/jobs/submit.ts; the analysis runs in a worker.
 */
import { EVERY_RULE } from "../rules/all";
import type { RuleMeta } from "../rules/core/rule";
import type { AssessmentReport } from "../report/contract";
import type { RuleDoc } from "../report/vocabulary";
import type { Prisma } from "./generated/client";
import { prisma } from "./prisma";
import { isAssessmentId } from "./figures";
import { filteredFacets, orderedRuleGroups, problemIdsByIdx, problemTotals, ruleGroupedPage } from "./checklist-groups";

const SORTS = { createdAt: "createdAt", name: "name", readiness: "readinessScore", blockers: "blockers" } as const;
export type SortKey = keyof typeof SORTS;
export const SORT_KEYS = Object.keys(SORTS) as SortKey[];

export async function listAssessments(opts: { q?: string; sort?: SortKey; order?: "asc" | "desc"; limit?: number; offset?: number }) {
  const db = prisma();
  const where: Prisma.AssessmentWhereInput = opts.q
    ? { OR: [{ name: { contains: opts.q, mode: "insensitive" } }, { sourceLabel: { contains: opts.q, mode: "insensitive" } }] }
    : {};
  const sort = SORTS[opts.sort ?? "createdAt"];
  const order = opts.order ?? (opts.sort === "name" ? "asc" : "desc");
  const [total, items] = await Promise.all([
    db.assessment.count({ where }),
    db.assessment.findMany({
      where,
      orderBy: [
        { [sort]: sort === "readinessScore" || sort === "blockers" ? { sort: order, nulls: "last" } : order },
        { createdAt: "desc" },
      ],
      take: opts.limit ?? 50,
      skip: opts.offset ?? 0,
      select: ASSESSMENT_FIELDS,
    }),
  ]);
  return { total, items };
}

export const ASSESSMENT_FIELDS = {
  id: true,
  name: true,
  sourceKind: true,
  sourceLabel: true,
  sourceInfo: true,
  targetDate: true,
  keyStrategy: true,
  status: true,
  progress: true,
  error: true,
  jobId: true,
  createdAt: true,
  updatedAt: true,
  startedAt: true,
  finishedAt: true,
  inputBytes: true,
  readinessScore: true,
  readinessBand: true,
  blockers: true,
  warnings: true,
  advice: true,
  findingsCount: true,
  createdById: true,
  previousId: true,
  lineageId: true,
  runNumber: true,
} satisfies Prisma.AssessmentSelect;

export async function getAssessment(id: string) {
  if (!isAssessmentId(id)) return null;
  const db = prisma();
  const a = await db.assessment.findUnique({
    where: { id },
    select: {
      ...ASSESSMENT_FIELDS,
      inputs: { select: { name: true, size: true, sha256: true, position: true }, orderBy: { position: "asc" } },
    },
  });
  return a;
}

/** The stored report; `without` leaves heavy sections out in the database (the overview needs no rewrite texts). */
export async function getReport(id: string, without: string[] = []): Promise<AssessmentReport | undefined> {
  if (!isAssessmentId(id)) return undefined;
  if (without.length === 0) {
    const r = await prisma().assessmentReport.findUnique({ where: { assessmentId: id } });
    return r ? (r.report as unknown as AssessmentReport) : undefined;
  }
  const rows = await prisma().$queryRaw<
    Array<{ report: unknown }>
  >`select ("report" - ${without}::text[]) as report from "AssessmentReport" where "assessmentId" = ${id}::uuid`;
  const report = rows[0]?.report as AssessmentReport | undefined;
  if (report && without.includes("findings")) report.findings = [];
  return report;
}

export async function getArtifacts(id: string): Promise<{ script?: string; patch?: string } | undefined> {
  const r = await prisma().assessmentReport.findUnique({ where: { assessmentId: id }, select: { artifacts: true } });
  return (r?.artifacts as { script?: string; patch?: string } | null) ?? undefined;
}

/** The report with each finding's review state, as the API's /report returns it. */
export async function getReportWithState(id: string) {
  const report = await getReport(id);
  if (!report) return undefined;
  const db = prisma();
  const [states, counts] = await Promise.all([
    db.finding.findMany({
      where: { assessmentId: id },
      select: {
        idx: true,
        status: true,
        note: true,
        statusAt: true,
        version: true,
        assignee: { select: { id: true, name: true, email: true } },
      },
      orderBy: { idx: "asc" },
    }),
    db.findingComment.groupBy({ by: ["findingIdx"], where: { assessmentId: id }, _count: { _all: true } }),
  ]);
  const byIdx = new Map(states.map((s) => [s.idx, s]));
  const commentsByIdx = new Map(counts.map((c) => [c.findingIdx, c._count._all]));
  return {
    ...report,
    findings: report.findings.map((f, idx) => {
      const s = byIdx.get(idx);
      return {
        ...f,
        id: idx,
        state: {
          status: s?.status ?? "open",
          note: s?.note ?? null,
          updatedAt: s?.statusAt ?? null,
          version: s?.version ?? 0,
          assignee: s?.assignee ?? null,
          comments: commentsByIdx.get(idx) ?? 0,
        },
      };
    }),
  };
}

export const GROUPS = ["category", "object", "rule", "none"] as const;
export type GroupBy = (typeof GROUPS)[number];
const GROUP_COLUMN = { category: "category", object: "objectKey", rule: "ruleId" } as const;

export interface FindingFilters {
  severity?: string[];
  category?: string[];
  fix?: string[];
  status?: string[];
  rule?: string[];
  /** User ids, or "none" for unassigned. */
  assignee?: string[];
  q?: string;
}

export function findingWhere(id: string, f: FindingFilters): Prisma.FindingWhereInput {
  const where: Prisma.FindingWhereInput = { assessmentId: id };
  if (f.severity?.length) where.severity = { in: f.severity };
  if (f.category?.length) where.category = { in: f.category };
  if (f.fix?.length) where.fix = { in: f.fix };
  if (f.status?.length) where.status = { in: f.status };
  if (f.rule?.length) where.ruleId = { in: f.rule };
  if (f.assignee?.length) {
    const ids = f.assignee.filter((a) => a !== "none");
    const or: Prisma.FindingWhereInput[] = [];
    if (ids.length) or.push({ assigneeId: { in: ids } });
    if (f.assignee.includes("none")) or.push({ assigneeId: null });
    where.AND = [{ OR: or }];
  }
  if (f.q)
    where.OR = [
      { message: { contains: f.q, mode: "insensitive" } },
      { objectKey: { contains: f.q, mode: "insensitive" } },
      { ruleId: { contains: f.q, mode: "insensitive" } },
      { snippet: { contains: f.q, mode: "insensitive" } },
    ];
  return where;
}

export type { RuleDoc };

const RULES = new Map<string, Pick<RuleMeta, "id" | "title" | "why" | "fix" | "docsUrl" | "example" | "severity">>(
  EVERY_RULE.map((r) => [r.id, r]),
);

export function ruleSeverity(id: string): string | undefined {
  return RULES.get(id)?.severity;
}

export function ruleDoc(id: string): RuleDoc | undefined {
  const r = RULES.get(id);
  if (!r) return undefined;
  return { id: r.id, title: r.title, why: r.why, fix: r.fix, docsUrl: r.docsUrl, example: r.example };
}

/** One page of findings, ordered by the group then severity and position; with group counts and facet counts. */
export async function findingsPage(id: string, filters: FindingFilters, group: GroupBy, offset: number, limit: number) {
  const db = prisma();
  const where = findingWhere(id, filters);
  const col = group === "none" ? undefined : GROUP_COLUMN[group];
  const orderBy: Prisma.FindingOrderByWithRelationInput[] = [];
  if (col) orderBy.push({ [col]: "asc" });
  orderBy.push({ severityRank: "asc" }, { idx: "asc" });
  const include = { assignee: { select: { id: true, name: true, email: true } } } as const;
  // By rule: the groups come in checklist order (needs a person, then severity, then size), paged across.
  const ruleGroups = group === "rule" ? await orderedRuleGroups(id, where) : undefined;
  const [total, rows, groups, facets] = await Promise.all([
    db.finding.count({ where }),
    ruleGroups
      ? ruleGroupedPage(ruleGroups, where, offset, limit, (w, skip, take) =>
          db.finding.findMany({ where: w, orderBy: [{ severityRank: "asc" }, { idx: "asc" }], skip, take, include }),
        )
      : db.finding.findMany({ where, orderBy, skip: offset, take: limit, include }),
    ruleGroups
      ? Promise.resolve(ruleGroups.map((g) => ({ ruleId: g.key, needsPerson: g.needsPerson, _count: { _all: g.count } })))
      : col
        ? // eslint-disable-next-line @typescript-eslint/no-explicit-any
          (db.finding.groupBy as any)({ by: [col], where, _count: { _all: true }, orderBy: { [col]: "asc" } })
        : Promise.resolve([] as Array<Record<string, unknown>>),
    filteredFacets(id, filters),
  ]);
  const ruleIds = [...new Set(rows.map((r) => r.ruleId))];
  // By rule, findings sharing a root cause show as one row with its instances under it.
  const [problems, totals] = ruleGroups
    ? await Promise.all([problemIdsByIdx(id), problemTotals(id, where, ruleIds)])
    : [undefined, undefined];
  return {
    total,
    offset,
    limit,
    group,
    groups: (groups as Array<Record<string, unknown> & { _count: { _all: number } }>).map((g) => ({
      key: String(g[col!]),
      count: g._count._all,
      ...(typeof g.needsPerson === "number" ? { needsPerson: g.needsPerson } : {}),
    })),
    items: rows.map((r) => ({
      id: r.idx,
      ruleId: r.ruleId,
      title: r.title,
      severity: r.severity,
      category: r.category,
      fix: r.fix,
      effort: r.effort,
      file: r.file,
      line: r.line,
      column: r.column,
      statementLine: r.statementLine,
      object: { kind: r.objectKind, schema: r.objectSchema ?? undefined, name: r.objectName },
      objectKey: r.objectKey,
      message: r.message,
      snippet: r.snippet,
      docsUrl: r.docsUrl,
      fingerprint: r.fingerprint,
      state: { status: r.status, note: r.note, updatedAt: r.statusAt, version: r.version, assignee: r.assignee },
      groupKey: col ? String((r as Record<string, unknown>)[col]) : undefined,
      ...(problems?.has(r.idx)
        ? { problemId: problems.get(r.idx), problemTotal: totals?.get(`${r.ruleId} ${problems.get(r.idx)}`) ?? 1 }
        : {}),
    })),
    rules: Object.fromEntries(ruleIds.map((rid) => [rid, ruleDoc(rid)]).filter(([, d]) => d)),
    facets,
  };
}

export async function facetCounts(id: string) {
  const db = prisma();
  const [sev, cat, fix, status] = await Promise.all([
    db.finding.groupBy({ by: ["severity"], where: { assessmentId: id }, _count: { _all: true } }),
    db.finding.groupBy({ by: ["category"], where: { assessmentId: id }, _count: { _all: true } }),
    db.finding.groupBy({ by: ["fix"], where: { assessmentId: id }, _count: { _all: true } }),
    db.finding.groupBy({ by: ["status"], where: { assessmentId: id }, _count: { _all: true } }),
  ]);
  const m = (rows: Array<Record<string, unknown> & { _count: { _all: number } }>, k: string) =>
    Object.fromEntries(rows.map((r) => [String(r[k]), r._count._all]));
  return { severity: m(sev, "severity"), category: m(cat, "category"), fix: m(fix, "fix"), status: m(status, "status") };
}

export async function deleteAssessment(id: string) {
  const r = await prisma().assessment.deleteMany({ where: { id } });
  return r.count > 0;
}

/** Findings per category and severity (for the overview chart), from the indexed rows. */
export async function categoryMatrix(id: string) {
  const rows = await prisma().finding.groupBy({ by: ["category", "severity"], where: { assessmentId: id }, _count: { _all: true } });
  const byCat = new Map<string, { category: string; blocker: number; warning: number; advice: number }>();
  for (const r of rows) {
    let row = byCat.get(r.category);
    if (!row) byCat.set(r.category, (row = { category: r.category, blocker: 0, warning: 0, advice: 0 }));
    if (r.severity === "blocker" || r.severity === "warning" || r.severity === "advice") row[r.severity] += r._count._all;
  }
  return [...byCat.values()].sort((x, y) => y.blocker + y.warning + y.advice - (x.blocker + x.warning + x.advice));
}

/** The one database of a cluster dump an upload assessment is about, if it was narrowed to one. */
export function databaseOf(a: { sourceKind: string; sourceInfo: unknown }): string | undefined {
  if (a.sourceKind === "connection") return undefined;
  const db = (a.sourceInfo as { database?: unknown } | null)?.database;
  return typeof db === "string" ? db : undefined;
}

/** Uploaded SQL not already narrowed to one database can be split into one assessment per database. */
export function splittable(a: { sourceKind: string; sourceInfo: unknown }): boolean {
  return (a.sourceKind === "upload" || a.sourceKind === "paste") && databaseOf(a) === undefined;
}

export interface DatabaseAssessment {
  database: string;
  id: string;
}

/** The assessments made for each database of this cluster dump (assessEachDatabase), in the dump's order. */
export async function databaseAssessments(parentId: string): Promise<DatabaseAssessment[]> {
  const rows = await prisma().assessment.findMany({
    where: { sourceInfo: { path: ["splitFrom"], equals: parentId } },
    select: { id: true, sourceInfo: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((r) => ({ id: r.id, database: String((r.sourceInfo as { database?: unknown }).database) }));
}
