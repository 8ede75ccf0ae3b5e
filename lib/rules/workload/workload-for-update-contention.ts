import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-for-update-contention",
  title: "FOR UPDATE on shared rows",
  severity: "warning",
  effort: "medium",
  docsUrl: SOURCES.CONCURRENCY,
  why: "FOR UPDATE on rows many transactions touch turns each overlap into a commit-time conflict (40001) instead of a short wait.",
  fix: "Narrow the locked set, shard the shared row, or move the serialisation point into a single conditional UPDATE; retry on 40001.",
  catalogRows: [86],
  example: { bad: "SELECT * FROM settings WHERE id = 1 FOR UPDATE;", good: "UPDATE settings SET v = $1 WHERE id = 1 AND version = $2;" },
});
