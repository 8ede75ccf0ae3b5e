import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

/** Raised from the connection audit (pg_stat_activity samples) by lib/workload/connection-findings.ts. */
export default defineWorkloadRule({
  id: "connection-idle-in-transaction",
  title: "Sessions idle in transaction",
  severity: "warning",
  effort: "medium",
  docsUrl: SOURCES.CONCURRENCY,
  why: "A transaction left open while the application does other work keeps its snapshot and read set: on DSQL every row it read is checked at commit, so the longer it stays open the likelier the commit fails with 40001, and after 5 minutes it is aborted.",
  fix: "Commit or roll back before waiting on the user, the network or other services; check that the framework closes transactions on every code path (exceptions included); set idle_in_transaction_session_timeout on the source to find the culprits.",
  catalogRows: [92],
  example: {
    bad: "BEGIN; SELECT … ; -- then an HTTP call while the transaction stays open",
    good: "SELECT … ; -- autocommit read, then the HTTP call, then a short write transaction",
  },
});
