import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

/** Raised from the connection audit (pg_stat_activity samples) by lib/workload/connection-findings.ts. */
export default defineWorkloadRule({
  id: "connection-max-lifetime",
  title: "Connections older than DSQL's 60-minute limit",
  severity: "warning",
  effort: "simple",
  docsUrl: SOURCES.QUOTAS,
  why: "DSQL closes every connection after 60 minutes, without an error code. Pools that keep connections for hours hand the application dead connections, and the next statement on one fails.",
  fix: "Set the pool's maximum connection lifetime below 60 minutes (for example HikariCP maxLifetime=50 min, pgx MaxConnLifetime, SQLAlchemy pool_recycle=3000, node-postgres maxLifetimeSeconds) and validate connections on borrow.",
  catalogRows: [13, "Q:connection-duration"],
  example: {
    bad: "maximumPoolSize=20, maxLifetime=0  # connections live for days",
    good: "maximumPoolSize=20, maxLifetime=3000000  # 50 minutes, below DSQL's 60",
  },
});
