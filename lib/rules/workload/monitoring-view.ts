import { relationNames } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** Statistics and activity views DSQL lists as not available. */
const MONITORING = /^(pg_stat_|pg_statio_|pg_locks$|pg_stat_statements|pg_prepared_xacts$|pg_replication_slots$|pg_stat$)/;

export default defineRule({
  id: "monitoring-view",
  title: "PostgreSQL monitoring view",
  severity: "warning",
  category: "workload",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.SYSTEM_TABLES,
  why: "DSQL does not provide pg_stat_statements, pg_stat_activity, pg_locks or the pg_stat_*/pg_statio_* statistics views; dashboards and health checks that read them break.",
  fix: "Use CloudWatch metrics, CloudWatch Database Insights and EXPLAIN ANALYZE VERBOSE (with DPU estimates) instead.",
  catalogRows: [103],
  example: {
    bad: "SELECT query, calls FROM pg_stat_statements ORDER BY total_exec_time DESC;",
    good: "-- CloudWatch Database Insights: top SQL by load",
  },
  kinds: ["SelectStmt", "InsertStmt", "UpdateStmt", "DeleteStmt", "ViewStmt", "CreateFunctionStmt", "DoStmt", "CallStmt"],
  checkStatement(ctx) {
    const seen = new Set<string>();
    for (const r of relationNames(ctx, (name) => MONITORING.test(name))) {
      if (seen.has(r.name)) continue;
      seen.add(r.name);
      ctx.report({
        message: `${r.name} is not available in DSQL`,
        location: r.location,
        object: { kind: "view", schema: "pg_catalog", name: r.name },
      });
    }
  },
});
