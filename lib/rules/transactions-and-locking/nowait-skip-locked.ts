import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "nowait-skip-locked",
  title: "NOWAIT / SKIP LOCKED have no effect",
  severity: "warning",
  category: "transactions-and-locking",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.CONCURRENCY,
  why: "DSQL has no row locks to wait for or skip: SKIP LOCKED work queues hand the same row to every worker, and all but one fail at commit with 40001. NOWAIT never raises 55P03.",
  fix: "Claim queue items with an UPDATE … SET claimed_by = $me WHERE claimed_by IS NULL and retry on 40001, spread workers over partitions of the queue, or use SQS.",
  catalogRows: [88],
  example: {
    bad: "SELECT id FROM jobs WHERE state = 'ready' LIMIT 1 FOR UPDATE SKIP LOCKED;",
    good: "UPDATE jobs SET state = 'taken', worker = $1 WHERE id = (SELECT id FROM jobs WHERE state = 'ready' AND shard = $2 LIMIT 1) RETURNING id; -- retry on 40001",
  },
  kinds: ["SelectStmt", "ViewStmt", "CreateFunctionStmt", "DeclareCursorStmt", "InsertStmt", "UpdateStmt", "DeleteStmt"],
  checkStatement({ nodes, report }) {
    for (const lc of nodes("LockingClause")) {
      if (lc.waitPolicy === "LockWaitSkip")
        report({ message: "SKIP LOCKED skips nothing in DSQL (no row locks); concurrent workers collide at commit with 40001" });
      else if (lc.waitPolicy === "LockWaitError")
        report({ message: "NOWAIT has no effect in DSQL (no row locks); conflicts surface at commit as 40001" });
    }
  },
});
