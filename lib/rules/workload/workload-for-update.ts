import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-for-update",
  title: "SELECT … FOR UPDATE does not block",
  severity: "advice",
  effort: "simple",
  docsUrl: SOURCES.CONCURRENCY,
  why: "In DSQL FOR UPDATE takes no lock: the rows are checked at commit as if written, and the later of two conflicting transactions fails with 40001 instead of waiting.",
  fix: "Make sure the transaction is retried as a whole on SQLSTATE 40001; keep the locked row set small.",
  catalogRows: [86],
  example: {
    bad: "SELECT … FOR UPDATE; -- expecting others to wait",
    good: "UPDATE accounts SET balance = balance - $1 WHERE id = $2 AND balance >= $1; -- one conditional write, retried on 40001",
  },
  match: (s) =>
    s.locking.some((x) => x.strength === "LCS_FORUPDATE" && x.waitPolicy === "LockWaitBlock")
      ? "the application locks rows FOR UPDATE; under OCC they are adjudicated at commit"
      : undefined,
});
