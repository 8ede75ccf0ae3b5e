import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

/** Raised from the connection audit (pg_stat_activity samples) by lib/workload/connection-findings.ts. */
export default defineWorkloadRule({
  id: "connection-long-transaction",
  title: "Transactions near or over DSQL's 5-minute limit",
  severity: "warning",
  effort: "medium",
  docsUrl: SOURCES.QUOTAS,
  why: "DSQL aborts any transaction older than 5 minutes (`transaction age limit of 300s exceeded`), reads included. A transaction seen open this long on the source would fail on DSQL.",
  fix: "Commit in shorter units of work: batch backfills and reports, move slow reads out of write transactions, and keep the transaction open only around the statements that need it.",
  catalogRows: [92, "Q:transaction-duration"],
  example: {
    bad: "BEGIN; -- read 2 million rows, call an API per row … COMMIT; -- 9 minutes",
    good: "-- per batch of 1,000 rows: BEGIN; … COMMIT;",
  },
});
