import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-skip-locked-queue",
  title: "NOWAIT / SKIP LOCKED queue pattern",
  severity: "warning",
  effort: "medium",
  docsUrl: SOURCES.CONCURRENCY,
  why: "DSQL never blocks on row locks, so SKIP LOCKED skips nothing and NOWAIT never fires: every worker claims the same first rows and all but one fail at commit with 40001.",
  fix: "Claim work by updating a random or partitioned slice (e.g. WHERE shard = $worker) and retry on 40001, or move the queue to SQS.",
  catalogRows: [88],
  example: {
    bad: "SELECT id FROM jobs WHERE state = 'new' LIMIT 1 FOR UPDATE SKIP LOCKED;",
    good: "UPDATE jobs SET owner = $1 WHERE id = (SELECT id FROM jobs WHERE state = 'new' AND shard = $2 LIMIT 1) RETURNING id;",
  },
  match: (s) => {
    const l = s.locking.find((x) => x.waitPolicy === "LockWaitSkip" || x.waitPolicy === "LockWaitError");
    return l
      ? `the application polls with ${l.waitPolicy === "LockWaitSkip" ? "SKIP LOCKED" : "NOWAIT"}, whose semantics change under optimistic concurrency`
      : undefined;
  },
});
