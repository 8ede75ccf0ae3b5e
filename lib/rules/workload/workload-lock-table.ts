import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-lock-table",
  title: "LOCK TABLE",
  severity: "blocker",
  effort: "medium",
  docsUrl: SOURCES.CONCURRENCY,
  why: "LOCK TABLE is not supported in DSQL; there are no table locks under optimistic concurrency.",
  fix: "Remove it and rely on OCC: conflicting transactions fail at commit with 40001 and are retried.",
  catalogRows: [89],
  example: { bad: "LOCK TABLE accounts IN EXCLUSIVE MODE;", good: "-- no lock; retry the transaction on SQLSTATE 40001" },
  match: (s) => (s.nodeType === "LockStmt" ? "the application locks whole tables" : undefined),
});
