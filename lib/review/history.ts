/**
 * Runs of one assessment: a re-run is a new Assessment row in the same lineage (previousId, runNumber).
 * When its report is stored, review states, comments and per-finding audit entries of matching findings
 * are carried over; findings match by fingerprint (rule + object), never by line number. When one
 * fingerprint occurs several times, occurrences pair up in report order. Checked-off plan steps carry
 * over when the new plan has a step with the same phase and title.
 */
import type { PrismaClient } from "../store/prisma";
import { prisma } from "../store/prisma";

/** Copy review state from the previous run onto this run's matching findings (once per run). */
export async function carryOver(
  db: PrismaClient,
  assessmentId: string,
): Promise<{ states: number; comments: number; planSteps: number } | undefined> {
  const a = await db.assessment.findUnique({
    where: { id: assessmentId },
    select: { previousId: true, carriedOver: true, runNumber: true },
  });
  if (!a?.previousId || a.carriedOver) return undefined;
  const prev = a.previousId;
  const prevRun = await db.assessment.findUnique({ where: { id: prev }, select: { runNumber: true } });
  return db.$transaction(
    async (tx) => {
      const pairs = `
        with p as (select idx, fingerprint, row_number() over (partition by fingerprint order by idx) rn from "Finding" where "assessmentId" = $2::uuid),
             n as (select idx, fingerprint, row_number() over (partition by fingerprint order by idx) rn from "Finding" where "assessmentId" = $1::uuid),
             m as (select n.idx as nidx, p.idx as pidx from n join p using (fingerprint, rn))`;
      const states = await tx.$executeRawUnsafe(
        `${pairs}
         update "Finding" f set status = o.status, note = o.note, "statusAt" = o."statusAt", "statusById" = o."statusById", "assigneeId" = o."assigneeId"
         from m join "Finding" o on o."assessmentId" = $2::uuid and o.idx = m.pidx
         where f."assessmentId" = $1::uuid and f.idx = m.nidx and (o.status <> 'open' or o.note is not null or o."assigneeId" is not null)`,
        assessmentId,
        prev,
      );
      const comments = await tx.$executeRawUnsafe(
        `${pairs}
         insert into "FindingComment" (id, "assessmentId", "findingIdx", "authorId", body, "createdAt", "carriedFrom")
         select gen_random_uuid(), $1::uuid, m.nidx, c."authorId", c.body, c."createdAt", $2::uuid
         from m join "FindingComment" c on c."assessmentId" = $2::uuid and c."findingIdx" = m.pidx`,
        assessmentId,
        prev,
      );
      await tx.$executeRawUnsafe(
        `${pairs}
         insert into "AuditEvent" ("assessmentId", "findingIdx", "actorId", action, detail, "createdAt")
         select $1::uuid, m.nidx, e."actorId", e.action, e.detail || jsonb_build_object('carriedFrom', $2::text), e."createdAt"
         from m join "AuditEvent" e on e."assessmentId" = $2::uuid and e."findingIdx" = m.pidx
         order by e.id`,
        assessmentId,
        prev,
      );
      // Plan steps checked off before stay checked when the new plan has the same step (phase and title).
      const plans = await tx.$queryRaw<
        Array<{ id: string; plan: { phases?: Array<{ id: string; steps: Array<{ title: string }> }> } | null }>
      >`
        select "assessmentId"::text as id, report->'plan' as plan from "AssessmentReport" where "assessmentId" in (${assessmentId}::uuid, ${prev}::uuid)`;
      const planOf = (id: string) => plans.find((p) => p.id === id)?.plan?.phases ?? [];
      const titleOf = new Map<string, string>(
        planOf(prev).flatMap((ph) => ph.steps.map((st, i) => [`${ph.id}:${i}`, `${ph.id}\u0000${st.title}`] as const)),
      );
      const keyOf = new Map<string, string>(
        planOf(assessmentId).flatMap((ph) => ph.steps.map((st, i) => [`${ph.id}\u0000${st.title}`, `${ph.id}:${i}`] as const)),
      );
      const oldChecks = await tx.planStepCheck.findMany({ where: { assessmentId: prev } });
      const carried = oldChecks.flatMap((c) => {
        const k = keyOf.get(titleOf.get(c.stepKey) ?? "");
        return k ? [{ assessmentId, stepKey: k, checkedById: c.checkedById, checkedAt: c.checkedAt }] : [];
      });
      if (carried.length) await tx.planStepCheck.createMany({ data: carried, skipDuplicates: true });
      await tx.assessment.update({ where: { id: assessmentId }, data: { carriedOver: true } });
      await tx.auditEvent.create({
        data: {
          assessmentId,
          action: "carry-over",
          detail: { fromAssessment: prev, fromRun: prevRun?.runNumber ?? a.runNumber - 1, states, comments, planSteps: carried.length },
        },
      });
      return { states, comments, planSteps: carried.length };
    },
    { timeout: 120_000 },
  );
}

export interface DiffEntry {
  idx: number;
  ruleId: string;
  severity: string;
  objectKey: string;
  message: string;
  line: number;
  status: string;
}

/** New, resolved and unchanged findings between a run and another (by default its previous run). */
export async function diffRuns(assessmentId: string, againstId: string) {
  const db = prisma();
  const load = (id: string) =>
    db.finding.findMany({
      where: { assessmentId: id },
      select: { idx: true, ruleId: true, severity: true, objectKey: true, message: true, line: true, status: true, fingerprint: true },
      orderBy: { idx: "asc" },
    });
  const [cur, prev] = await Promise.all([load(assessmentId), load(againstId)]);
  const pool = new Map<string, typeof prev>();
  for (const f of prev) pool.set(f.fingerprint, [...(pool.get(f.fingerprint) ?? []), f]);
  const added: DiffEntry[] = [];
  const unchanged: Array<DiffEntry & { previousIdx: number; previousLine: number }> = [];
  for (const f of cur) {
    const list = pool.get(f.fingerprint);
    const match = list?.shift();
    const { fingerprint: _fp, ...e } = f;
    if (match) unchanged.push({ ...e, previousIdx: match.idx, previousLine: match.line });
    else added.push(e);
  }
  const resolved: DiffEntry[] = [...pool.values()]
    .flat()
    .sort((a, b) => a.idx - b.idx)
    .map(({ fingerprint: _fp, ...e }) => e);
  return {
    assessmentId,
    againstId,
    counts: { new: added.length, resolved: resolved.length, unchanged: unchanged.length },
    new: added,
    resolved,
    unchanged,
  };
}

/** Every run of the lineage this assessment belongs to, oldest first. */
export async function runsOf(assessmentId: string) {
  const db = prisma();
  const a = await db.assessment.findUnique({ where: { id: assessmentId }, select: { lineageId: true } });
  if (!a) return [];
  const lineage = a.lineageId ?? assessmentId;
  return db.assessment.findMany({
    where: { OR: [{ lineageId: lineage }, { id: lineage }] },
    orderBy: { runNumber: "asc" },
    select: {
      id: true,
      name: true,
      runNumber: true,
      status: true,
      createdAt: true,
      targetDate: true,
      sourceKind: true,
      sourceLabel: true,
      previousId: true,
      findingsCount: true,
      blockers: true,
      readinessScore: true,
      createdBy: { select: { name: true } },
    },
  });
}
