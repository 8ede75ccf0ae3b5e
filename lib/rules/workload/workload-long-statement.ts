import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-long-statement",
  title: "Statements near DSQL's 5-minute transaction limit",
  severity: "warning",
  effort: "medium",
  docsUrl: SOURCES.QUOTAS,
  why: "DSQL aborts any transaction older than 5 minutes (`transaction age limit of 300s exceeded`), reads included.",
  fix: "Split long reports and backfills into shorter transactions, or move analytics elsewhere.",
  catalogRows: [92, "Q:transaction-duration"],
  example: { bad: "SELECT … FROM big_table GROUP BY …; -- 6 minutes", good: "-- aggregate per day in separate queries" },
});
