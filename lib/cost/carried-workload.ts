/**
 * A re-run keeps the workload entered on the run before it when it measured none itself. Pure, so the
 * analysis thread applies it before the report is serialized (lib/store/entered-workload.ts reads the
 * previous run's entered workload).
 */
import type { AssessmentReport } from "../report/contract";
import type { CostEstimate } from "./model";
import { estimateEntered, reportDefaults, validateWorkloadInput } from "./workload-input";

/** True when a cost section has no measured statement workload (nothing, or table counters only). */
export function lacksMeasuredWorkload(cost: CostEstimate | null | undefined): boolean {
  return !cost || cost.status === "no-workload" || (!cost.entered && cost.basis?.statements === "none");
}

/** The report with `entered` (the previous run's entered workload) as its cost section when it measured none. */
export function carryEnteredWorkload(report: AssessmentReport, entered: unknown): AssessmentReport {
  const cost = report.cost as CostEstimate | null | undefined;
  if (!entered || !lacksMeasuredWorkload(cost)) return report;
  return {
    ...report,
    cost: estimateEntered(validateWorkloadInput(entered), reportDefaults(report), {
      region: cost?.region,
      activeRegions: cost?.activeRegions,
    }),
  };
}
