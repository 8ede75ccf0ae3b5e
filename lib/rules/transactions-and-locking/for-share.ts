import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "for-share",
  title: "FOR SHARE / FOR NO KEY UPDATE",
  severity: "blocker",
  category: "transactions-and-locking",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.CONCURRENCY,
  why: '"Aurora DSQL doesn\'t support the NO KEY UPDATE or FOR SHARE clauses."',
  fix: "Use FOR UPDATE (conflicts surface at commit as 40001), or FOR KEY SHARE from 2026-08-25 where only key stability matters.",
  catalogRows: [87],
  example: {
    bad: "SELECT * FROM inventory WHERE film_id = 1 FOR SHARE;",
    good: "SELECT * FROM inventory WHERE film_id = 1 FOR UPDATE;",
  },
  kinds: ["SelectStmt", "ViewStmt", "CreateFunctionStmt", "DeclareCursorStmt", "InsertStmt", "UpdateStmt", "DeleteStmt"],
  checkStatement({ nodes, report }) {
    for (const lc of nodes("LockingClause")) {
      if (lc.strength === "LCS_FORSHARE") report({ message: "FOR SHARE is not supported; use FOR UPDATE" });
      else if (lc.strength === "LCS_FORNOKEYUPDATE") report({ message: "FOR NO KEY UPDATE is not supported; use FOR UPDATE" });
    }
  },
});
