/**
 * A workload entered on the dashboard (when the source measured none): estimated through the same
 * DPU/cost model and stored as the report's cost section, marked as entered so every view and export
 * says it was not measured.
 */
import type { CostEstimate } from "../cost/model";
import { estimateEntered, reportDefaults, type WorkloadInput } from "../cost/workload-input";
import { getReport } from "./assessments";
import { prisma } from "./prisma";

export async function setEnteredWorkload(id: string, input: WorkloadInput): Promise<CostEstimate | undefined> {
  const report = await getReport(id, ["findings", "rewrites", "manualWorkItems"]);
  if (!report) return undefined;
  const previous = report.cost as CostEstimate | null | undefined;
  const cost = estimateEntered(input, reportDefaults(report), { region: previous?.region, activeRegions: previous?.activeRegions });
  // Only the cost section changes: a partial JSON update keeps large reports cheap to edit.
  await prisma().$executeRaw`update "AssessmentReport" set "report" = jsonb_set("report", '{cost}', ${JSON.stringify(cost)}::jsonb) where "assessmentId" = ${id}::uuid`;
  return cost;
}
