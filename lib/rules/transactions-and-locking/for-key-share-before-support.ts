import { CAPABILITIES } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "for-key-share-before-support",
  title: "FOR KEY SHARE before DSQL supported it",
  severity: "blocker",
  category: "transactions-and-locking",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.CONCURRENCY,
  why: "DSQL accepts SELECT … FOR KEY SHARE only since 2026-08-25.",
  fix: "Target 2026-08-25 or later, or use FOR UPDATE.",
  appliesUntil: CAPABILITIES.numericPrecision1000,
  catalogRows: [87],
  example: {
    bad: "SELECT * FROM customer WHERE customer_id = 1 FOR KEY SHARE;",
    good: "SELECT * FROM customer WHERE customer_id = 1 FOR UPDATE;",
  },
  kinds: ["SelectStmt", "ViewStmt", "CreateFunctionStmt", "DeclareCursorStmt", "InsertStmt", "UpdateStmt", "DeleteStmt"],
  checkStatement({ nodes, report }) {
    if (nodes("LockingClause").some((lc) => lc.strength === "LCS_FORKEYSHARE")) {
      report({ message: `FOR KEY SHARE is not supported before ${CAPABILITIES.numericPrecision1000.since}` });
    }
  },
});
