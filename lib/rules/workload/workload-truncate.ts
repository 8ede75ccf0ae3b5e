import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-truncate",
  title: "TRUNCATE",
  severity: "blocker",
  effort: "simple",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL does not support TRUNCATE.",
  fix: "Delete in batches of at most 3,000 rows per transaction, or drop and recreate the table.",
  catalogRows: [],
  example: { bad: "TRUNCATE staging;", good: "DELETE FROM staging WHERE id IN (SELECT id FROM staging LIMIT 1000); -- repeat" },
  match: (s) => (s.nodeType === "TruncateStmt" ? "the application truncates tables" : undefined),
});
