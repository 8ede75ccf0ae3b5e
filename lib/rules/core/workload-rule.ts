/**
 * Workload rules read statements the application actually ran (pg_stat_statements), not files. They
 * share the schema rules' metadata so reports, docs, SARIF and coverage treat both alike; each lives in
 * lib/rules/workload/ beside the schema rules of that category. Rules without `match` are raised from
 * measurements (rows per call, run time, insert rates) by lib/workload/.
 */
import type { ObservedStatement } from "@/lib/workload/observed";
import type { RuleMeta } from "./rule";

export interface WorkloadRule extends RuleMeta {
  /** Returns a message when the statement matches. */
  match?(s: ObservedStatement): string | undefined;
}

type WorkloadRuleInput = Omit<WorkloadRule, "category" | "fixKind" | "catalogRows"> & {
  catalogRows?: RuleMeta["catalogRows"];
  fixKind?: RuleMeta["fixKind"];
};

/** Workload findings are manual fixes in the workload category unless a rule says otherwise. */
export function defineWorkloadRule(m: WorkloadRuleInput): WorkloadRule {
  return { category: "workload", fixKind: "manual", catalogRows: [], ...m };
}

/** A transaction-control statement of one of these kinds (TRANS_STMT_…). */
export const isTxn = (s: ObservedStatement, ...kinds: string[]) => s.nodeType === "TransactionStmt" && kinds.includes(String(s.node?.kind));
