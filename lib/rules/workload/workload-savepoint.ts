import { SOURCES } from "../core/sources";
import { defineWorkloadRule, isTxn } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-savepoint",
  title: "SAVEPOINT in application transactions",
  severity: "blocker",
  effort: "significant",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL does not support SAVEPOINT, RELEASE SAVEPOINT or ROLLBACK TO SAVEPOINT. ORMs issue them for nested transactions (Django atomic blocks, Rails requires_new, SQLAlchemy begin_nested).",
  fix: "Restructure nested transactions into separate transactions, or turn off the ORM's savepoint-based nesting.",
  catalogRows: [85],
  example: {
    bad: "SAVEPOINT s1; -- inside BEGIN … COMMIT, then ROLLBACK TO SAVEPOINT s1 on error",
    good: "BEGIN; INSERT …; COMMIT; -- retry the whole transaction on error",
  },
  match: (s) =>
    isTxn(s, "TRANS_STMT_SAVEPOINT", "TRANS_STMT_RELEASE", "TRANS_STMT_ROLLBACK_TO") ? "the application uses savepoints" : undefined,
});
