import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-hot-rows",
  title: "Hot rows: many updates on few rows",
  severity: "warning",
  effort: "medium",
  docsUrl: SOURCES.CONCURRENCY,
  why: "Concurrent updates of the same row conflict at commit under DSQL's optimistic concurrency: all but one transaction fail with 40001 and must retry.",
  fix: "Shard the counter (N rows per logical counter, update a random one, sum on read), batch increments, or compute the aggregate with a query.",
  catalogRows: [],
  example: {
    bad: "UPDATE counters SET n = n + 1 WHERE id = 1;",
    good: "UPDATE counter_shards SET n = n + 1 WHERE id = 1 AND shard = floor(random()*32);",
  },
});
