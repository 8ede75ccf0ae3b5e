/**
 * Reading and writing assessments for the pages and the JSON API. Request handlers only validate,
 * store inputs and enqueue; the analysis runs in a worker.
 */
import { createHash } from "node:crypto";
import { EVERY_RULE } from "../rules/all";
import type { RuleMeta } from "../rules/core/rule";
import type { AssessmentReport } from "../report/contract";
import { describeSource, type ConnectionParams } from "../jobs/connection";
import { sealPassword } from "../jobs/job-secret";
import { enqueue, QUEUES } from "../jobs/queue";
import type { Prisma } from "./generated/client";
import { databaseUrl, prisma } from "./prisma";
import { filteredFacets, orderedRuleGroups, ruleGroupedPage } from "./checklist-groups";
import type { KeyStrategy } from "../rewrite/types";

/** The rewrite's key strategies in the order the dashboard offers them (keep, its default, first). */
export const KEY_STRATEGIES = ["keep", "uuid", "identity"] as const satisfies readonly KeyStrategy[];
export type { KeyStrategy };
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

export interface NewInput {
  name: string;
  bytes: Uint8Array;
}

export interface CreateOptions {
  name: string;
  targetDate: string;
  keyStrategy: KeyStrategy;
  /** The signed-in user who started it. */
  createdById?: string;
  /** Set for a re-run: the run it follows. */
  previous?: { id: string; lineageId: string; runNumber: number };
}

function runFields(o: CreateOptions) {
  return {
    createdById: o.createdById ?? null,
    previousId: o.previous?.id ?? null,
    lineageId: o.previous?.lineageId ?? null,
    runNumber: o.previous ? o.previous.runNumber + 1 : 1,
  };
}

const SORTS = { createdAt: "createdAt", name: "name", readiness: "readinessScore", blockers: "blockers" } as const;
export type SortKey = keyof typeof SORTS;
export const SORT_KEYS = Object.keys(SORTS) as SortKey[];

export async function createFromInputs(kind: "upload" | "paste" | "snapshot", inputs: NewInput[], o: CreateOptions) {
  const db = prisma();
  const label = kind === "paste" ? "Pasted SQL" : inputs.map((i) => i.name).join(", ");
  const a = await db.assessment.create({
    data: {
      name: o.name,
      sourceKind: kind,
      sourceLabel: label.length > 300 ? `${label.slice(0, 297)}…` : label,
      targetDate: o.targetDate,
      keyStrategy: o.keyStrategy,
      inputBytes: inputs.reduce((n, i) => n + i.bytes.length, 0),
      ...runFields(o),
      progress: { phase: "queued", percent: 0, message: "Waiting for a worker" },
      inputs: {
        create: inputs.map((i, position) => ({
          position,
          name: i.name,
          size: i.bytes.length,
          sha256: createHash("sha256").update(i.bytes).digest("hex"),
          content: Buffer.from(i.bytes),
        })),
      },
    },
  });
  const jobId = await enqueue(databaseUrl(), kind === "snapshot" ? QUEUES.collect : QUEUES.analyze, { assessmentId: a.id });
  await db.assessment.update({ where: { id: a.id }, data: { jobId, lineageId: a.lineageId ?? a.id } });
  return { id: a.id, jobId };
}

export async function createFromConnection(params: ConnectionParams, o: CreateOptions) {
  const db = prisma();
  const { password, ...info } = params;
  const a = await db.assessment.create({
    data: {
      name: o.name,
      sourceKind: "connection",
      sourceLabel: describeSource(params),
      sourceInfo: info as object,
      targetDate: o.targetDate,
      keyStrategy: o.keyStrategy,
      ...runFields(o),
      progress: { phase: "queued", percent: 0, message: "Waiting for a worker" },
    },
  });
  const jobId = await enqueue(databaseUrl(), QUEUES.collect, { assessmentId: a.id, sealedPassword: sealPassword(password) });
  await db.assessment.update({ where: { id: a.id }, data: { jobId, lineageId: a.lineageId ?? a.id } });
  return { id: a.id, jobId };
}

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
      orderBy: [{ [sort]: sort === "readinessScore" || sort === "blockers" ? { sort: order, nulls: "last" } : order }, { createdAt: "desc" }],
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
  const db = prisma();
  const a = await db.assessment.findUnique({ where: { id }, select: { ...ASSESSMENT_FIELDS, inputs: { select: { name: true, size: true, sha256: true, position: true }, orderBy: { position: "asc" } } } });
  return a;
}

/** The stored report; `without` leaves heavy sections out in the database (the overview needs no rewrite texts). */
export async function getReport(id: string, without: string[] = []): Promise<AssessmentReport | undefined> {
  if (without.length === 0) {
    const r = await prisma().assessmentReport.findUnique({ where: { assessmentId: id } });
    return r ? (r.report as unknown as AssessmentReport) : undefined;
  }
  const rows = await prisma().$queryRaw<Array<{ report: unknown }>>`select ("report" - ${without}::text[]) as report from "AssessmentReport" where "assessmentId" = ${id}::uuid`;
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
    db.finding.findMany({ where: { assessmentId: id }, select: { idx: true, status: true, note: true, statusAt: true, version: true, assignee: { select: { id: true, name: true, email: true } } }, orderBy: { idx: "asc" } }),
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
        state: { status: s?.status ?? "open", note: s?.note ?? null, updatedAt: s?.statusAt ?? null, version: s?.version ?? 0, assignee: s?.assignee ?? null, comments: commentsByIdx.get(idx) ?? 0 },
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

export interface RuleDoc {
  id: string;
  title: string;
  why: string;
  fix: string;
  docsUrl: string;
  example?: { bad: string; good: string };
}

const RULES = new Map<string, Pick<RuleMeta, "id" | "title" | "why" | "fix" | "docsUrl" | "example" | "severity">>(EVERY_RULE.map((r) => [r.id, r]));

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
      ? ruleGroupedPage(ruleGroups, where, offset, limit, (w, skip, take) => db.finding.findMany({ where: w, orderBy: [{ severityRank: "asc" }, { idx: "asc" }], skip, take, include }))
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
  return {
    total,
    offset,
    limit,
    group,
    groups: (groups as Array<Record<string, unknown> & { _count: { _all: number } }>).map((g) => ({ key: String(g[col!]), count: g._count._all, ...(typeof g.needsPerson === "number" ? { needsPerson: g.needsPerson } : {}) })),
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
  const m = (rows: Array<Record<string, unknown> & { _count: { _all: number } }>, k: string) => Object.fromEntries(rows.map((r) => [String(r[k]), r._count._all]));
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

export interface RerunOptions {
  /** New inputs (a new upload); without them the stored inputs are analysed again. */
  inputs?: NewInput[];
  targetDate?: string;
  keyStrategy?: KeyStrategy;
  /** For a live source: the password for the fresh collection (never stored). */
  password?: string;
  createdById: string;
}

export class RerunError extends Error {}

/** Start the next run of an assessment: a new upload, a fresh live collection, or a newer DSQL capability date. */
export async function rerunAssessment(previousId: string, o: RerunOptions) {
  const db = prisma();
  const prev = await db.assessment.findUnique({ where: { id: previousId }, include: { inputs: { orderBy: { position: "asc" } } } });
  if (!prev) return undefined;
  const latest = await db.assessment.findFirst({ where: { lineageId: prev.lineageId ?? prev.id }, orderBy: { runNumber: "desc" }, select: { runNumber: true } });
  const options: CreateOptions = {
    name: prev.name,
    targetDate: o.targetDate ?? prev.targetDate,
    keyStrategy: o.keyStrategy ?? (prev.keyStrategy as KeyStrategy),
    createdById: o.createdById,
    previous: { id: prev.id, lineageId: prev.lineageId ?? prev.id, runNumber: Math.max(prev.runNumber, latest?.runNumber ?? 0) },
  };
  const reason = o.inputs?.length ? "new upload" : prev.sourceKind === "connection" ? "fresh live collection" : `DSQL capabilities as of ${options.targetDate}`;
  let created: { id: string; jobId: string | null };
  if (prev.sourceKind === "connection" && !o.inputs?.length) {
    const info = (prev.sourceInfo ?? {}) as unknown as ConnectionParams;
    created = await createFromConnection({ ...info, password: o.password }, options);
  } else {
    const inputs = o.inputs?.length ? o.inputs : prev.inputs.map((i) => ({ name: i.name, bytes: new Uint8Array(i.content) }));
    if (!inputs.length) throw new RerunError("This assessment has no stored inputs; upload files to re-run it");
    const kind = prev.sourceKind === "snapshot" ? "snapshot" : o.inputs?.length ? "upload" : (prev.sourceKind as "upload" | "paste");
    created = await createFromInputs(kind, inputs, options);
  }
  const run = options.previous!.runNumber + 1;
  await db.auditEvent.createMany({
    data: [
      { assessmentId: prev.id, actorId: o.createdById, action: "rerun", detail: { runNumber: run, assessmentId: created.id, reason } },
      { assessmentId: created.id, actorId: o.createdById, action: "rerun", detail: { runNumber: run, previousId: prev.id, reason } },
    ],
  });
  return { ...created, runNumber: run, reason };
}
