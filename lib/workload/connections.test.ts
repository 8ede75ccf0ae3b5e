/**
 * The connection audit's arithmetic on hand-made samples, for the cases a test server cannot show in
 * seconds: hours-old pools, transactions past five minutes, connection rates at DSQL's quota, hidden
 * sessions. test/source/connections.test.ts checks the same code on real PostgreSQL sessions.
 */
import { describe, expect, it } from "vitest";
import type { ConnectionSample, SessionRow } from "../source/snapshot";
import { connectionFindings } from "./connection-findings";
import { auditConnections, duration } from "./connections";

const T0 = Date.parse("2026-11-24T10:00:00Z");
const iso = (msAfter: number) => new Date(T0 + msAfter).toISOString();
const MIN = 60_000;

function session(pid: number, o: Partial<SessionRow> = {}): SessionRow {
  return {
    pid,
    user: "app",
    application: "api",
    client: "10.0.0.5",
    backendStart: iso(-90 * MIN),
    xactStart: null,
    queryStart: iso(-1000),
    stateChange: iso(-1000),
    state: "idle",
    ssl: true,
    clientCert: false,
    gss: false,
    ...o,
  };
}
const sample = (msAfter: number, sessions: SessionRow[], sessionsTotal: number | null = null): ConnectionSample => ({
  at: iso(msAfter),
  sessionsTotal,
  sessions,
});

describe("auditConnections", () => {
  it("nothing sampled: no audit, no findings", () => {
    expect(auditConnections(null)).toBeNull();
    expect(auditConnections({ samples: [], settings: null })).toBeNull();
    expect(connectionFindings(null)).toEqual([]);
  });

  it("ages, histogram and the 60-minute rule on a pool opened 90 minutes ago", () => {
    const pool = [session(1), session(2), session(3, { backendStart: iso(-5 * MIN) })];
    const a = auditConnections({ samples: [sample(0, pool), sample(60_000, pool)], settings: null })!;
    const api = a.applications[0];
    expect(api).toMatchObject({
      application: "api",
      user: "app",
      client: "10.0.0.5",
      peak: 3,
      peakIdle: 3,
      connections: 3,
      opened: 0,
      auth: ["password or trust"],
      ssl: true,
    });
    expect(api.ageSeconds).toEqual({ min: 360, median: 5460, max: 5460 });
    expect(a.ageHistogram.find((b) => b.bucket === "1–6 h")!.connections).toBe(2);
    expect(a.ageHistogram.find((b) => b.bucket === "1–10 min")!.connections).toBe(1);
    const f = connectionFindings(a);
    const life = f.find((x) => x.ruleId === "connection-max-lifetime")!;
    expect(life.message).toBe(
      "api (app) keeps connections open for up to 91 min; DSQL closes connections after 60 minutes, so its pool must recycle them sooner (maximum lifetime below 60 min)",
    );
    expect(life.evidence).toMatchObject({
      application: "api",
      user: "app",
      clients: "10.0.0.5",
      connections: 3,
      oldestConnectionMinutes: 91,
      limitMinutes: 60,
    });
    expect(f.find((x) => x.ruleId === "connection-password-auth")!.message).toMatch(/3 connections, TLS/);
  });

  it("long transactions: warning from 150 s, blocker from 300 s", () => {
    const near = auditConnections({
      samples: [sample(0, [session(1, { state: "active", xactStart: iso(-200_000), queryStart: iso(-200_000) })])],
      settings: null,
    });
    const nf = connectionFindings(near).find((x) => x.ruleId === "connection-long-transaction")!;
    expect(nf.severity).toBe("warning");
    expect(nf.evidence).toMatchObject({ longestTransactionSeconds: 200, longestStatementSeconds: 200, limitSeconds: 300 });
    const over = auditConnections({
      samples: [sample(0, [session(1, { state: "idle in transaction", xactStart: iso(-400_000), stateChange: iso(-350_000) })])],
      settings: null,
    });
    const of = connectionFindings(over);
    expect(of.find((x) => x.ruleId === "connection-long-transaction")!.severity).toBe("blocker");
    expect(of.find((x) => x.ruleId === "connection-idle-in-transaction")!.message).toBe(
      "api (app) left 1 session idle in transaction for up to 6 min; on DSQL an open transaction's reads are checked at commit and it is aborted after 5 minutes",
    );
  });

  it("connection rate at DSQL's quota is a warning for the whole cluster", () => {
    const a = auditConnections({ samples: [sample(0, [session(1)], 1000), sample(10_000, [session(1)], 3000)], settings: null })!;
    expect(a.totals.sessionsPerSecond).toBe(200);
    const churn = connectionFindings(a).filter((x) => x.ruleId === "connection-churn");
    expect(churn).toHaveLength(1);
    expect(churn[0]).toMatchObject({ severity: "warning", object: { kind: "application", name: "all applications" } });
    expect(churn[0].message).toBe("the source accepted 200 new connections per second, at or over DSQL's 100 per second per cluster");
  });

  it("sessions of other roles without pg_read_all_stats are counted but not aged", () => {
    const hidden = session(7, {
      user: "other",
      application: "batch",
      client: null,
      backendStart: null,
      queryStart: null,
      stateChange: null,
      state: null,
      ssl: null,
      clientCert: null,
      gss: null,
    });
    const a = auditConnections({ samples: [sample(0, [session(1), hidden])], settings: null })!;
    const batch = a.applications.find((x) => x.application === "batch")!;
    expect(batch).toMatchObject({ client: "(hidden)", peak: 1, hidden: 1, ageSeconds: null, auth: [] });
    expect(a.totals.hidden).toBe(1);
    expect(connectionFindings(a).filter((f) => f.evidence?.application === "batch")).toEqual([]);
  });

  it("settings: the assessment session's own timeouts are not claimed as the server's", () => {
    const a = auditConnections({
      samples: [sample(0, [])],
      settings: {
        settings: [
          { name: "max_connections", setting: "100", unit: null, source: "configuration file", resetVal: "100" },
          { name: "statement_timeout", setting: "60000", unit: "ms", source: "client", resetVal: "60000" },
          { name: "idle_in_transaction_session_timeout", setting: "60000", unit: "ms", source: "session", resetVal: "0" },
          { name: "idle_session_timeout", setting: "300000", unit: "ms", source: "configuration file", resetVal: "300000" },
        ],
        overrides: [{ role: "app", database: null, config: ["statement_timeout=30s", "search_path=app"] }],
      },
    })!;
    expect(a.settings).toEqual([
      { name: "max_connections", value: "100", numeric: 100, source: "configuration file" },
      { name: "statement_timeout", value: null, numeric: null, source: "not visible: the assessment session sets its own value" },
      { name: "idle_in_transaction_session_timeout", value: "0 (off)", numeric: 0, source: "server" },
      { name: "idle_session_timeout", value: "5 min", numeric: 300000, source: "configuration file" },
    ]);
    expect(a.overrides).toEqual([{ role: "app", database: null, settings: ["statement_timeout=30s"] }]);
  });

  it("durations read like people write them", () => {
    expect([duration(45), duration(600), duration(7200), duration(11_100)]).toEqual(["45 s", "10 min", "2 h", "3 h 5 min"]);
  });
});
