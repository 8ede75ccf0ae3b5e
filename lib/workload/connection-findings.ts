/**
 * Connection findings: the connection audit (pg_stat_activity sampled on the source) judged by the
 * connection rules (lib/rules/workload/connection-*.ts) against DSQL's limits. Each finding names
 * the application (application_name and user), the clients it connects from, and the measured evidence.
 */
import { makeFinding } from "../analyze";
import { WORKLOAD_RULES } from "../rules/all";
import type { Finding } from "../rules/core/rule";
import { DSQL_CONNECTION_LIMITS as L, duration, type ApplicationConnections, type ConnectionAudit } from "./connections";

export { duration };

export const CONNECTION_FILE = "pg_stat_activity";

const CONNECTION_RULE_BY_ID = new Map(WORKLOAD_RULES.filter((r) => r.id.startsWith("connection-")).map((r) => [r.id, r]));

/** Thresholds the rules apply, published with the audit. */
export const CONNECTION_THRESHOLDS = {
  /** Warn from half the transaction limit, block from the limit. */
  nearTransactionSeconds: L.transactionSeconds / 2,
  /** Idle in transaction for longer than this is reported. */
  idleInTransactionSeconds: 1,
  /** Connect-per-request: an application opened at least this many of the sampled connections, they lived less than a minute, and the database accepted at least one new connection per second. */
  churnMinOpened: 3,
  shortLivedSeconds: 60,
  churnPerSecond: 1,
};

function finding(ruleId: string, message: string, app: AppGroup, evidence: Record<string, string | number>): Finding {
  const rule = CONNECTION_RULE_BY_ID.get(ruleId)!;
  // Runtime observations have no file position: line 0 marks a live-source finding.
  return makeFinding(
    rule,
    message,
    { file: CONNECTION_FILE, line: 0, column: 0, statementLine: 0, statementIndex: 0 },
    { kind: "application", name: app.label },
    "",
    {
      application: app.application,
      user: app.user,
      clients: app.clients.slice(0, 5).join(", ") + (app.clients.length > 5 ? ` and ${app.clients.length - 5} more` : ""),
      ...evidence,
    },
  );
}

/** An application is a pool identity: application_name and user, over every client address it connects from. */
interface AppGroup {
  label: string;
  application: string;
  user: string;
  clients: string[];
  rows: ApplicationConnections[];
}

export function applicationGroups(audit: ConnectionAudit): AppGroup[] {
  const m = new Map<string, AppGroup>();
  for (const a of audit.applications) {
    const k = `${a.application}\u0000${a.user}`;
    let g = m.get(k);
    if (!g) m.set(k, (g = { label: `${a.application} (${a.user})`, application: a.application, user: a.user, clients: [], rows: [] }));
    g.clients.push(a.client);
    g.rows.push(a);
  }
  return [...m.values()];
}

const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Findings from the audit, one per rule and application. */
export function connectionFindings(audit: ConnectionAudit | null): Finding[] {
  if (!audit) return [];
  const out: Finding[] = [];
  const T = CONNECTION_THRESHOLDS;
  for (const g of applicationGroups(audit)) {
    const visible = g.rows.filter((r) => r.ageSeconds);
    const oldest = max(visible.map((r) => r.ageSeconds!.max));
    if (oldest >= L.connectionMinutes * 60) {
      const over = sum(g.rows.map((r) => r.connections));
      out.push(
        finding(
          "connection-max-lifetime",
          `${g.label} keeps connections open for up to ${duration(oldest)}; DSQL closes connections after 60 minutes, so its pool must recycle them sooner (maximum lifetime below 60 min)`,
          g,
          {
            connections: over,
            oldestConnectionMinutes: Math.round(oldest / 60),
            limitMinutes: L.connectionMinutes,
          },
        ),
      );
    }
    const txn = max(g.rows.map((r) => r.longestTransactionSeconds));
    if (txn >= T.nearTransactionSeconds) {
      const overLimit = txn >= L.transactionSeconds;
      const f = finding(
        "connection-long-transaction",
        `${g.label} had a transaction open for ${duration(txn)}${overLimit ? ", over" : ", near"} DSQL's 5-minute transaction limit`,
        g,
        {
          longestTransactionSeconds: Math.round(txn),
          longestStatementSeconds: Math.round(max(g.rows.map((r) => r.longestStatementSeconds))),
          limitSeconds: L.transactionSeconds,
        },
      );
      if (overLimit) f.severity = "blocker";
      out.push(f);
    }
    const iit = max(g.rows.map((r) => r.longestIdleInTransactionSeconds));
    const iitPeak = sum(g.rows.map((r) => r.peakIdleInTransaction));
    if (iitPeak > 0 && iit >= T.idleInTransactionSeconds) {
      const timeout = audit.settings.find((s) => s.name === "idle_in_transaction_session_timeout");
      out.push(
        finding(
          "connection-idle-in-transaction",
          `${g.label} left ${iitPeak} session${iitPeak === 1 ? "" : "s"} idle in transaction for up to ${duration(iit)}; on DSQL an open transaction's reads are checked at commit and it is aborted after 5 minutes`,
          g,
          {
            peakIdleInTransaction: iitPeak,
            longestIdleInTransactionSeconds: Math.round(iit),
            idleInTransactionSessionTimeout: timeout?.value ?? "not visible",
          },
        ),
      );
    }
    // Samples see only the connections alive at that moment, so the rate of one application is a lower
    // bound: short lives of the connections it opened, with the database's own session counter, tell the pattern.
    const opened = sum(g.rows.map((r) => r.opened));
    const medianAge = Math.min(...g.rows.filter((r) => r.ageSeconds).map((r) => r.ageSeconds!.median));
    const dbRate = audit.totals.sessionsPerSecond ?? audit.totals.openedPerSecond;
    if (opened >= T.churnMinOpened && medianAge < T.shortLivedSeconds && dbRate >= T.churnPerSecond) {
      const f = finding(
        "connection-churn",
        `${g.label} opened ${opened} of the connections seen in ${audit.samples} samples over ${duration(audit.seconds)}, each living a median ${duration(medianAge)}, while the database accepted ${dbRate.toFixed(1)} new connections per second; DSQL accepts 100 new connections per second per cluster (burst 1,000), so reuse connections from a pool`,
        g,
        {
          openedWhileSampled: opened,
          medianConnectionAgeSeconds: Math.round(medianAge * 10) / 10,
          databaseNewConnectionsPerSecond: Math.round(dbRate * 100) / 100,
          limitPerSecond: L.newConnectionsPerSecond,
        },
      );
      if (dbRate >= L.newConnectionsPerSecond) f.severity = "warning";
      out.push(f);
    }
    const password = g.rows.filter((r) => r.auth.includes("password or trust"));
    if (password.length) {
      const conns = sum(password.map((r) => r.connections));
      out.push(
        finding(
          "connection-password-auth",
          `${g.label} connects with a password or without authentication, not GSSAPI or a client certificate (${conns} connection${conns === 1 ? "" : "s"}, ${password.some((r) => r.ssl) ? "TLS" : "no TLS"}); DSQL needs an IAM authentication token, valid ${L.tokenMinutes} minutes by default, generated for each new connection`,
          g,
          {
            connections: conns,
            tokenMinutes: L.tokenMinutes,
          },
        ),
      );
    }
  }
  // The whole cluster: too many connections at once, or a connection rate over the quota (per cluster, not per application).
  const perSec = Math.max(audit.totals.sessionsPerSecond ?? 0, audit.totals.openedPerSecond);
  if (
    (audit.totals.peak > L.connectionsPerCluster || perSec >= L.newConnectionsPerSecond) &&
    !out.some((f) => f.ruleId === "connection-churn" && f.severity === "warning")
  ) {
    const all: AppGroup = {
      label: "all applications",
      application: "(all)",
      user: "(all)",
      clients: [...new Set(audit.applications.map((a) => a.client))],
      rows: audit.applications,
    };
    const f = finding(
      "connection-churn",
      audit.totals.peak > L.connectionsPerCluster
        ? `${audit.totals.peak} connections were open at once, over DSQL's 10,000 connections per cluster`
        : `the source accepted ${perSec.toFixed(0)} new connections per second, at or over DSQL's 100 per second per cluster`,
      all,
      {
        peakConnections: audit.totals.peak,
        newConnectionsPerSecond: Math.round(perSec * 100) / 100,
        limitPerSecond: L.newConnectionsPerSecond,
        limitConnections: L.connectionsPerCluster,
      },
    );
    f.severity = "warning";
    out.push(f);
  }
  return out;
}
