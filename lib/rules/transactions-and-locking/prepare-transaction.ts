import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const WHAT: Record<string, string> = {
  TRANS_STMT_PREPARE: "PREPARE TRANSACTION",
  TRANS_STMT_COMMIT_PREPARED: "COMMIT PREPARED",
  TRANS_STMT_ROLLBACK_PREPARED: "ROLLBACK PREPARED",
};

export default defineRule({
  id: "prepare-transaction",
  title: "Two-phase commit",
  severity: "blocker",
  category: "transactions-and-locking",
  fixKind: "manual",
  effort: "significant",
  docsUrl: SOURCES.SYSTEM_TABLES,
  why: "DSQL has no two-phase commit (pg_prepared_xacts does not apply); PREPARE TRANSACTION, COMMIT PREPARED and ROLLBACK PREPARED cannot be used by XA transaction managers.",
  fix: "Remove XA/2PC; coordinate across systems with idempotent operations, an outbox table, or a saga.",
  catalogRows: [91],
  example: {
    bad: "PREPARE TRANSACTION 'order-42';",
    good: "COMMIT; -- plus an outbox row processed idempotently",
  },
  kinds: ["TransactionStmt"],
  checkStatement({ stmt, report }) {
    const what = WHAT[stmt.node.kind];
    if (what) report({ message: `${what} '${stmt.node.gid ?? ""}' is not supported (no two-phase commit)` });
  },
});
