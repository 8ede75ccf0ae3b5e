import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

/** Raised from the connection audit (pg_stat_activity samples) by lib/workload/connection-findings.ts. */
export default defineWorkloadRule({
  id: "connection-churn",
  title: "Many short-lived connections",
  severity: "advice",
  effort: "medium",
  docsUrl: SOURCES.QUOTAS,
  why: "DSQL accepts 100 new connections per second per cluster (bursts up to 1,000) and 10,000 connections in total; each new connection also needs a fresh IAM authentication token. Clients that connect per request spend that budget and pay the TLS and authentication handshake every time.",
  fix: "Put a connection pool in the application (or an external pooler) and reuse connections; size pools so that the sum over all application instances stays far below 10,000.",
  catalogRows: ["Q:connection-rate", "Q:connections-per-cluster"],
  example: {
    bad: "for each request: connect(); query(); close();",
    good: "pool = Pool(min=5, max=20, max_lifetime=50 min); pool.query(…)",
  },
});
