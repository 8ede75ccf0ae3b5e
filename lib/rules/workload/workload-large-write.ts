import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-large-write",
  title: "Writes over DSQL's 3,000-row transaction limit",
  severity: "blocker",
  effort: "medium",
  docsUrl: SOURCES.QUOTAS,
  why: "A DSQL transaction may modify at most 3,000 rows (`transaction row limit exceeded`) and 10 MiB.",
  fix: "Split the statement into batches of 500–1,000 rows, each in its own transaction.",
  catalogRows: [92, "Q:rows-modified-per-transaction", "Q:data-modified-per-write-transaction"],
  example: {
    bad: "UPDATE events SET archived = true WHERE created_at < $1; -- 50,000 rows",
    good: "UPDATE events SET archived = true WHERE id IN (SELECT id FROM events WHERE … LIMIT 1000); -- loop",
  },
});
