import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-monotonic-index-inserts",
  title: "Index led by an increasing column under insert load",
  severity: "advice",
  effort: "medium",
  docsUrl: SOURCES.PRIMARY_KEYS,
  why: "Secondary indexes are stored in key order too: an index led by a timestamp or sequence value receives all new entries at one end.",
  fix: "Lead the index with a distributed column (tenant, hash bucket) and put the increasing column second.",
  catalogRows: [],
  example: { bad: "CREATE INDEX ON events (created_at);", good: "CREATE INDEX ASYNC ON events (device_id, created_at);" },
});
