/**
 * The connection audit against a real PostgreSQL 18: pooled connections with distinct
 * application_names, a session left idle in transaction, a long transaction and a client that
 * connects per request, sampled by the live collector and by the offline psql collector. Ages are
 * then judged against DSQL's limits with an injected clock (no test waits an hour).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditConnections } from "../../lib/workload/connections";
import { connectionFindings } from "../../lib/workload/connection-findings";
import { analyzeSnapshot, buildSourceReport } from "../../lib/source/analyze-snapshot";
import { collectSource } from "../../lib/source/collect";
import { openReadOnly } from "../../lib/source/connect";
import { collectorScript } from "../../lib/source/collector-script";
import { parseSnapshot, type Snapshot } from "../../lib/source/snapshot";
import { assessSnapshotBytes } from "../../lib/pipeline/live";
import { reportHtml } from "../../lib/report/html";
import { toMarkdown } from "../../lib/report/markdown";
import type { MigrationPlan } from "../../lib/plan/plan";
import { runAnalyze } from "../../lib/cli/main";
import { startPg18, type TestServer } from "./servers";

let s: TestServer;
const open: Array<pg.Pool | pg.Client> = [];
let stopChurn = false;
let churn: Promise<number>;

beforeAll(async () => {
  s = await startPg18();
  await s.createDatabase("app");
  const admin = await s.admin("app");
  await admin.query(
    "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric); INSERT INTO orders SELECT g, g FROM generate_series(1, 10) g",
  );
  await admin.query("ALTER ROLE postgres SET idle_in_transaction_session_timeout = '10min'");
  await admin.end();
  const url = s.urlFor("app");
  // Two pools that keep their connections, as application servers do.
  for (const [name, size] of [
    ["orders-api", 3],
    ["billing-worker", 2],
  ] as const) {
    const pool = new pg.Pool({ connectionString: url, application_name: name, max: size, idleTimeoutMillis: 0 });
    pool.on("error", () => {});
    const clients = await Promise.all(Array.from({ length: size }, () => pool.connect()));
    for (const c of clients) c.release();
    open.push(pool);
  }
  // A session that opened a transaction and went idle in it.
  const idle = new pg.Client({ connectionString: url, application_name: "report-exporter" });
  idle.on("error", () => {});
  await idle.connect();
  await idle.query("BEGIN");
  await idle.query("SELECT count(*) FROM orders");
  open.push(idle);
  // A long transaction: open and busy the whole time.
  const long = new pg.Client({ connectionString: url, application_name: "nightly-backfill" });
  long.on("error", () => {});
  await long.connect();
  await long.query("BEGIN");
  long.query("SELECT pg_sleep(600)").catch(() => {});
  open.push(long);
  // A client that connects for every request.
  churn = (async () => {
    let n = 0;
    while (!stopChurn) {
      const c = new pg.Client({ connectionString: url, application_name: "cron-per-request" });
      c.on("error", () => {});
      await c.connect();
      await c.query("SELECT 1");
      await new Promise((r) => setTimeout(r, 150));
      await c.end();
      n++;
    }
    return n;
  })();
  await new Promise((r) => setTimeout(r, 1200));
}, 60_000);

afterAll(async () => {
  stopChurn = true;
  await churn?.catch(() => 0);
  for (const c of open) await (c as pg.Client).end().catch(() => {});
  await s?.stop();
});

describe("live connection audit", () => {
  let snap: Snapshot;
  beforeAll(async () => {
    // Another assessment connected at the same time is not one of the applications either.
    const other = await openReadOnly(s.urlFor("app"));
    snap = await collectSource(s.urlFor("app"), { sampleSeconds: 3 });
    await other.end();
  }, 30_000);

  it("samples pg_stat_activity across the interval, without its own or any other assessment session", () => {
    expect(snap.connections!.samples).toHaveLength(7);
    const apps = new Set(snap.connections!.samples.flatMap((x) => x.sessions.map((r) => r.application)));
    expect(apps).toEqual(new Set(["orders-api", "billing-worker", "report-exporter", "nightly-backfill", "cron-per-request"]));
    expect([...apps].some((a) => a?.startsWith("dsql-preflight"))).toBe(false);
    expect(snap.notes.find((n) => n.item === "connections")).toMatchObject({ collected: true });
    const names = snap.connections!.settings!.settings.map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(["max_connections", "idle_in_transaction_session_timeout", "statement_timeout"]));
  });

  it("audits each application: counts, states, ages and authentication", async () => {
    const { sections } = await analyzeSnapshot(snap);
    const audit = sections.connections!;
    const app = (name: string) => audit.applications.find((a) => a.application === name)!;
    expect(app("orders-api")).toMatchObject({
      user: "postgres",
      client: "127.0.0.1",
      peak: 3,
      peakIdle: 3,
      connections: 3,
      opened: 0,
      auth: ["password or trust"],
    });
    expect(app("billing-worker")).toMatchObject({ peak: 2, connections: 2, opened: 0 });
    expect(app("report-exporter")).toMatchObject({ peak: 1, peakIdleInTransaction: 1 });
    expect(app("report-exporter").longestIdleInTransactionSeconds).toBeGreaterThan(1);
    expect(app("nightly-backfill").peakActive).toBe(1);
    expect(app("nightly-backfill").longestTransactionSeconds).toBeGreaterThan(2);
    expect(app("nightly-backfill").longestStatementSeconds).toBeGreaterThan(2);
    expect(app("cron-per-request").opened).toBeGreaterThanOrEqual(3);
    expect(app("cron-per-request").ageSeconds!.median).toBeLessThan(1);
    expect(app("orders-api").ageSeconds!.max).toBeGreaterThan(3);
    expect(audit.totals.peak).toBeGreaterThanOrEqual(7);
    expect(audit.totals.sessionsPerSecond).toBeGreaterThan(1);
    expect(audit.ageHistogram.find((b) => b.bucket === "< 1 min")!.connections).toBe(audit.totals.connections);
    expect(audit.settings.find((x) => x.name === "max_connections")!.numeric).toBeGreaterThan(0);
    // The assessment session sets its own timeouts at startup, so the server's values are not claimed; the role override is.
    expect(audit.settings.find((x) => x.name === "statement_timeout")!.value).toBeNull();
    expect(audit.overrides).toContainEqual({ role: "postgres", database: null, settings: ["idle_in_transaction_session_timeout=10min"] });
  });

  it("finds idle-in-transaction sessions, churn and password logins with the real clock", async () => {
    const report = buildSourceReport(await analyzeSnapshot(snap));
    const byRule = (id: string) => report.findings.filter((f) => f.ruleId === id);
    const iit = byRule("connection-idle-in-transaction");
    expect(iit.map((f) => f.object.name)).toEqual(["report-exporter (postgres)"]);
    expect(iit[0].evidence).toMatchObject({
      application: "report-exporter",
      user: "postgres",
      clients: "127.0.0.1",
      peakIdleInTransaction: 1,
    });
    expect(iit[0].file).toBe("pg_stat_activity");
    expect(byRule("connection-churn").map((f) => f.object.name)).toEqual(["cron-per-request (postgres)"]);
    expect(
      byRule("connection-password-auth")
        .map((f) => f.object.name)
        .sort(),
    ).toEqual(["billing-worker", "cron-per-request", "nightly-backfill", "orders-api", "report-exporter"].map((a) => `${a} (postgres)`));
    // Minutes-old connections and seconds-old transactions are within DSQL's limits.
    expect(byRule("connection-max-lifetime")).toEqual([]);
    expect(byRule("connection-long-transaction")).toEqual([]);
    expect(report.connections).toBeTruthy();
  });

  it("an injected clock 61 minutes later: pools must recycle, the open transactions exceed 5 minutes", async () => {
    const last = Date.parse(snap.connections!.samples.at(-1)!.at);
    const a = await analyzeSnapshot(snap, { now: new Date(last + 61 * 60_000) });
    const fs = a.workloadFindings;
    const lifetime = fs
      .filter((f) => f.ruleId === "connection-max-lifetime")
      .map((f) => f.object.name)
      .sort();
    expect(lifetime).toEqual([
      "billing-worker (postgres)",
      "cron-per-request (postgres)",
      "nightly-backfill (postgres)",
      "orders-api (postgres)",
      "report-exporter (postgres)",
    ]);
    const orders = fs.find((f) => f.ruleId === "connection-max-lifetime" && f.object.name.startsWith("orders-api"))!;
    expect(orders.evidence).toMatchObject({ connections: 3, oldestConnectionMinutes: 61, limitMinutes: 60 });
    expect(orders.message).toMatch(/maximum lifetime below 60 min/);
    const long = fs.filter((f) => f.ruleId === "connection-long-transaction");
    // Every application a sample caught inside a transaction: the two that hold one open, and
    // cron-per-request only if a sample landed during its one-statement transaction (a millisecond).
    const inTransaction = new Set(
      snap.connections!.samples.flatMap((x) => x.sessions.filter((r) => r.xactStart).map((r) => `${r.application} (${r.user})`)),
    );
    expect([...inTransaction].filter((n) => !n.startsWith("cron-per-request")).sort()).toEqual([
      "nightly-backfill (postgres)",
      "report-exporter (postgres)",
    ]);
    expect(long.map((f) => f.object.name).sort()).toEqual([...inTransaction].sort());
    expect(long.every((f) => f.severity === "blocker")).toBe(true);
    expect(a.sections.connections!.ageHistogram.find((b) => b.bucket === "1–6 h")!.connections).toBe(
      a.sections.connections!.totals.connections,
    );
    // 59 minutes later: still inside the limit.
    const early = auditConnections(snap.connections, { now: new Date(last + 59 * 60_000) });
    expect(connectionFindings(early).filter((f) => f.ruleId === "connection-max-lifetime")).toEqual([]);
  });
});

describe("the CLI", () => {
  it("analyze --db writes the audit and its findings in the JSON report, with an entered workload for the cost", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "dsqlpf-conn-cli-")), "report.json");
    const code = await runAnalyze([], {
      db: s.urlFor("app"),
      sampleSeconds: "1",
      format: "json",
      failOn: "never",
      out,
      workloadTps: "50",
      rowsPerTxn: "2",
      readWriteRatio: "9:1",
      storageGb: "1",
    });
    expect(code).toBe(0);
    const r = JSON.parse(readFileSync(out, "utf8"));
    expect(r.connections.applications.map((a: { application: string }) => a.application)).toEqual(
      expect.arrayContaining(["orders-api", "billing-worker", "report-exporter"]),
    );
    expect(
      r.findings
        .filter((f: { ruleId: string }) => f.ruleId === "connection-idle-in-transaction")
        .map((f: { object: { name: string } }) => f.object.name),
    ).toEqual(["report-exporter (postgres)"]);
    expect(r.cost.entered).toEqual({ transactionsPerSecond: 50, rowsPerTransaction: 2, readWriteRatio: "9:1", storageGb: 1 });
    expect(r.cost.assumptions[0]).toMatch(/^entered, not measured: 50 transactions\/s/);
    expect(r.source.collected.find((n: { item: string }) => n.item === "connections").collected).toBe(true);
  }, 30_000);
});

describe("a role without pg_read_all_stats", () => {
  it("still counts every application's connections, reports ages as hidden, and says why", async () => {
    const admin = await s.admin("app");
    await admin.query("CREATE ROLE plain LOGIN PASSWORD 'plain-pw'");
    await admin.end();
    const snap = await collectSource(s.urlFor("app", "plain", "plain-pw"), { sampleSeconds: 0 });
    expect(snap.notes.find((n) => n.item === "connections")).toMatchObject({
      collected: "partial",
      reason: expect.stringMatching(/grant pg_read_all_stats/),
    });
    const audit = (await analyzeSnapshot(snap)).sections.connections!;
    const orders = audit.applications.find((a) => a.application === "orders-api")!;
    expect(orders).toMatchObject({ user: "postgres", peak: 3, hidden: 3, ageSeconds: null });
    expect(audit.totals.hidden).toBeGreaterThanOrEqual(7);
  });
});

describe("the dashboard's assessment of the snapshot", () => {
  it("carries the audit into the plan's application phase and the exports", async () => {
    const snap = await collectSource(s.urlFor("app"), { sampleSeconds: 1 });
    const { report } = await assessSnapshotBytes(new TextEncoder().encode(JSON.stringify(snap)), {
      targetDate: "2026-11-24",
      keyStrategy: "keep",
      onProgress: () => {},
    });
    const plan = report.plan as MigrationPlan;
    const app = plan.phases.find((p) => p.id === "application")!;
    const pools = app.steps.filter((st) => st.title.startsWith("Connection pool: "));
    expect(pools.map((st) => st.title)).toEqual(
      expect.arrayContaining([
        "Connection pool: orders-api (postgres)",
        "Connection pool: billing-worker (postgres)",
        "Connection pool: report-exporter (postgres)",
      ]),
    );
    const orders = pools.find((st) => st.title === "Connection pool: orders-api (postgres)")!;
    expect(orders.purpose).toMatch(/maximum connection lifetime 50 min/);
    expect(orders.purpose).toMatch(/pool size about 3 per instance \(peak seen: 3\)/);
    expect(orders.purpose).toMatch(/IAM authentication token generated for each new connection/);
    expect(pools.find((st) => st.title.startsWith("Connection pool: report-exporter"))!.purpose).toMatch(
      /1 session\(s\) were idle in transaction/,
    );

    const md = toMarkdown(report);
    expect(md).toContain("## Connections");
    expect(md).toMatch(/\| orders-api \| postgres \| 127\.0\.0\.1 \| 3 \(3 \/ 0 \/ 0\) \|/);
    expect(md).toContain("| < 1 min |");
    const html = reportHtml({ report, assessment: { name: "app", source: "snapshot", createdAt: new Date(), targetDate: "2026-11-24" } });
    expect(html).toContain("<h2>Connections</h2>");
    expect(html).toContain("billing-worker");
    expect(html).toContain('aria-label="Connections by age"');
  }, 60_000);
});

describe("offline psql collector", () => {
  it("gathers the same connection audit", async () => {
    expect(spawnSync("psql", ["--version"]).status, "psql is not installed: run scripts/setup-test-deps.sh").toBe(0);
    const dir = mkdtempSync(join(tmpdir(), "dsqlpf-conn-"));
    const script = join(dir, "collect.sql");
    const out = join(dir, "snapshot.json");
    writeFileSync(script, collectorScript());
    const r = spawnSync("psql", ["-X", "-q", "-d", s.urlFor("app"), "-v", "sample_seconds=1", "-v", `out=${out}`, "-f", script], {
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    const fromPsql = parseSnapshot(readFileSync(out, "utf8"));
    const fromLive = await collectSource(s.urlFor("app"), { sampleSeconds: 1 });
    const [a, b] = await Promise.all([analyzeSnapshot(fromPsql), analyzeSnapshot(fromLive)]);
    const steady = (x: typeof a) =>
      x.sections
        .connections!.applications.filter((p) => p.application !== "cron-per-request")
        .map((p) => ({
          application: p.application,
          user: p.user,
          client: p.client,
          peak: p.peak,
          peakIdleInTransaction: p.peakIdleInTransaction,
          auth: p.auth,
        }));
    expect(a.sections.connections!.samples).toBe(7);
    expect(steady(a)).toEqual(steady(b));
    expect(a.sections.source.collected.find((n) => n.item === "connections")).toMatchObject({ collected: true });
    // psql SETs its timeouts in the session, so the server's value shows through RESET's value.
    expect(a.sections.connections!.settings.find((x) => x.name === "statement_timeout")).toMatchObject({
      value: "0 (off)",
      source: "server",
    });
  }, 30_000);
});
