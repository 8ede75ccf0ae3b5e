/**
 * A workload entered on the dashboard (when the source measured none): estimated through the same
 * DPU/cost model and stored as the report's cost section, marked as entered so every view and export
 * says it was not measured. A re-run keeps it unless the new run measured a workload itself.
 */
import type { CostEstimate } from "../cost/model";
import { carryEnteredWorkload, lacksMeasuredWorkload } from "../cost/carried-workload";
import { estimateEntered, reportDefaults, type WorkloadInput } from "../cost/workload-input";
import type { AssessmentReport } from "../report/contract";
import { prisma, type PrismaClient } from "./prisma";

/** The report without its bulky parts: enough for row-size defaults and the previous estimate. */
async function reportForCost(db: PrismaClient, id: string): Promise<AssessmentReport | undefined> {
  const rows = await db.$queryRaw<
    Array<{ report: AssessmentReport | null }>
  >`select ("report" - ${["findings", "rewrites", "manualWorkItems"]}::text[]) as report from "AssessmentReport" where "assessmentId" = ${id}::uuid`;
  return rows[0]?.report ?? undefined;
}

async function store(db: PrismaClient, id: string, report: AssessmentReport, input: WorkloadInput): Promise<CostEstimate> {
  const previous = report.cost as CostEstimate | null | undefined;
  const cost = estimateEntered(input, reportDefaults(report), { region: previous?.region, activeRegions: previous?.activeRegions });
  // Only the cost section changes: a partial JSON update keeps large reports cheap to edit.
  await db.$executeRaw`update "AssessmentReport" set "report" = jsonb_set("report", '{cost}', ${JSON.stringify(cost)}::jsonb) where "assessmentId" = ${id}::uuid`;
  return cost;
}

export async function setEnteredWorkload(id: string, input: WorkloadInput, db: PrismaClient = prisma()): Promise<CostEstimate | undefined> {
  const report = await reportForCost(db, id);
  return report ? store(db, id, report, input) : undefined;
}

export { lacksMeasuredWorkload };

/** The workload entered on the run a re-run follows (undefined for a first run or when none was entered). */
export async function previousEnteredWorkload(db: PrismaClient, id: string): Promise<unknown> {
  const a = await db.assessment.findUnique({ where: { id }, select: { previousId: true } });
  if (!a?.previousId) return undefined;
  const rows = await db.$queryRaw<
    Array<{ entered: unknown }>
  >`select "report"->'cost'->'entered' as entered from "AssessmentReport" where "assessmentId" = ${a.previousId}::uuid`;
  return rows[0]?.entered ?? undefined;
}

/** A re-run's report before it is stored: with the previous run's entered workload when this run measured none. */
export async function withCarriedWorkload(db: PrismaClient, id: string, report: AssessmentReport): Promise<AssessmentReport> {
  if (!lacksMeasuredWorkload(report.cost as CostEstimate | null | undefined)) return report;
  return carryEnteredWorkload(report, await previousEnteredWorkload(db, id));
}
