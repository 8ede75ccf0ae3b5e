import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const WHAT: Record<string, string> = {
  TRANS_STMT_SAVEPOINT: "SAVEPOINT",
  TRANS_STMT_RELEASE: "RELEASE SAVEPOINT",
  TRANS_STMT_ROLLBACK_TO: "ROLLBACK TO SAVEPOINT",
};

export default defineRule({
  id: "savepoint",
  title: "Savepoints",
  severity: "blocker",
  category: "transactions-and-locking",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL has no savepoints; SAVEPOINT, RELEASE and ROLLBACK TO fail. ORMs use them for nested transactions (Django atomic(), Rails requires_new, SQLAlchemy begin_nested).",
  fix: "Restructure into separate transactions, and turn off nested-transaction savepoints in the ORM.",
  catalogRows: [85],
  example: {
    bad: "BEGIN; INSERT …; SAVEPOINT s1; UPDATE …; ROLLBACK TO SAVEPOINT s1; COMMIT;",
    good: "BEGIN; INSERT …; COMMIT; BEGIN; UPDATE …; COMMIT;",
  },
  kinds: ["TransactionStmt"],
  checkStatement({ stmt, report }) {
    const what = WHAT[stmt.node.kind];
    if (what)
      report({
        message: `${what} ${stmt.node.savepoint_name ?? ""} is not supported`.trim(),
        object: { kind: "savepoint", name: stmt.node.savepoint_name ?? "" },
      });
  },
});
