import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-for-share",
  title: "FOR SHARE / FOR NO KEY UPDATE",
  severity: "blocker",
  effort: "simple",
  docsUrl: SOURCES.CONCURRENCY,
  why: "DSQL doesn't support the FOR SHARE or FOR NO KEY UPDATE clauses.",
  fix: "Use FOR KEY SHARE (supported since 2026-08-25) or FOR UPDATE.",
  catalogRows: [87],
  example: { bad: "SELECT … FOR SHARE;", good: "SELECT … FOR KEY SHARE;" },
  match: (s) => {
    const l = s.locking.find((x) => x.strength === "LCS_FORSHARE" || x.strength === "LCS_FORNOKEYUPDATE");
    return l ? `the application locks rows ${l.strength === "LCS_FORSHARE" ? "FOR SHARE" : "FOR NO KEY UPDATE"}` : undefined;
  },
});
