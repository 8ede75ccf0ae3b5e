import { SOURCES } from "../core/sources";
import { defineWorkloadRule, isTxn } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-two-phase-commit",
  title: "Two-phase commit",
  severity: "blocker",
  effort: "significant",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL has no PREPARE TRANSACTION / COMMIT PREPARED (XA transactions).",
  fix: "Replace distributed transactions with an outbox or saga pattern.",
  catalogRows: [91],
  example: { bad: "PREPARE TRANSACTION 'x';", good: "-- outbox table + idempotent consumer" },
  match: (s) =>
    isTxn(s, "TRANS_STMT_PREPARE", "TRANS_STMT_COMMIT_PREPARED", "TRANS_STMT_ROLLBACK_PREPARED")
      ? "the application uses two-phase commit"
      : undefined,
});
