/**
 * Pool settings per application for the plan's "Application changes" phase, from the connection
 * audit: recycle connections before DSQL's 60 minutes, log in with IAM tokens, keep transactions
 * short and closed, and reuse connections instead of opening one per request.
 */
import type { PlanStep } from "../plan/plan";
import { applicationGroups } from "./connection-findings";
import { DSQL_CONNECTION_LIMITS as L, duration, type ConnectionAudit } from "./connections";

const MAX_STEPS = 12;

export function poolSteps(audit: ConnectionAudit | null | undefined): PlanStep[] {
  if (!audit) return [];
  const groups = applicationGroups(audit).filter((g) => g.application !== "(no application_name)" || g.rows.some((r) => r.peak > 1));
  const steps: PlanStep[] = groups.slice(0, MAX_STEPS).map((g) => {
    const peak = g.rows.reduce((a, r) => a + r.peak, 0);
    const oldest = Math.max(0, ...g.rows.map((r) => r.ageSeconds?.max ?? 0));
    const txn = Math.max(0, ...g.rows.map((r) => r.longestTransactionSeconds));
    const iit = g.rows.reduce((a, r) => a + r.peakIdleInTransaction, 0);
    const opened = g.rows.reduce((a, r) => a + r.opened, 0);
    const password = g.rows.some((r) => r.auth.includes("password or trust"));
    const settings = [
      `maximum connection lifetime 50 min (below DSQL's ${L.connectionMinutes}${oldest ? `; connections seen up to ${duration(oldest)} old` : ""})`,
      `pool size about ${Math.max(peak, 1)} per instance (peak seen: ${peak}${opened ? `; ${opened} opened while sampled` : ""})`,
      password
        ? `IAM authentication token generated for each new connection (valid ${L.tokenMinutes} min) instead of the password`
        : "IAM authentication token for each new connection",
      "validate connections on borrow and retry transactions on SQLSTATE 40001",
    ];
    if (txn >= 60) settings.push(`split the ${duration(txn)} transaction to stay under ${L.transactionSeconds / 60} minutes`);
    if (iit) settings.push(`close transactions before waiting: ${iit} session(s) were idle in transaction`);
    const resolves = [
      "connection-max-lifetime",
      "connection-password-auth",
      ...(txn >= 150 ? ["connection-long-transaction"] : []),
      ...(iit ? ["connection-idle-in-transaction"] : []),
      ...(opened ? ["connection-churn"] : []),
    ];
    return {
      title: `Connection pool: ${g.label}`,
      purpose: `From ${g.clients.slice(0, 3).join(", ")}${g.clients.length > 3 ? ` and ${g.clients.length - 3} more` : ""}: ${settings.join("; ")}.`,
      verify:
        "after the switch, DSQL's connection count and error rates stay steady past the 60-minute mark (no errors on recycled connections)",
      resolves,
    };
  });
  if (groups.length > MAX_STEPS)
    steps.push({
      title: `Connection pools: ${groups.length - MAX_STEPS} more applications`,
      purpose:
        "The same settings apply: maximum lifetime below 60 minutes, IAM tokens per new connection, short transactions. See the Connections section for each.",
      verify: "as above",
      resolves: [],
    });
  return steps;
}
