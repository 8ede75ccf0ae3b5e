import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "select-for-update",
  title: "SELECT … FOR UPDATE does not block",
  severity: "warning",
  category: "transactions-and-locking",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.CONCURRENCY,
  why: "DSQL accepts FOR UPDATE but takes no lock: the selected rows are checked at commit as if written, and the losing transaction fails with 40001 (`change conflicts with another transaction`) instead of waiting.",
  fix: "Wrap the transaction in a retry loop on SQLSTATE 40001 and keep contention low (avoid many sessions updating the same row). FOR UPDATE is still useful to guard against write skew.",
  catalogRows: [86],
  example: {
    bad: "SELECT balance FROM account WHERE id = $1 FOR UPDATE; -- expects other sessions to wait",
    good: "-- same statement, with the transaction retried on 40001",
  },
  kinds: ["SelectStmt", "ViewStmt", "CreateFunctionStmt", "DeclareCursorStmt", "InsertStmt", "UpdateStmt", "DeleteStmt"],
  checkStatement({ nodes, report }) {
    for (const lc of nodes("LockingClause")) {
      if (lc.strength !== "LCS_FORUPDATE") continue;
      report({
        message: "SELECT … FOR UPDATE takes no lock in DSQL; conflicting transactions fail at commit with 40001 instead of waiting",
      });
      return;
    }
  },
});
