/**
 * The live source against a real PostgreSQL 18 with pg_stat_statements: read-only proof, preflight
 * degradation, a generated workload (serial inserts, a hot counter row, savepoints, FOR UPDATE) checked
 * end to end through findings and the cost model, the psql collector giving the same assessment, and
 * connection error messages.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../lib/db/embedded";
import { SECONDS_PER_MONTH, METERING, rowWriteBytes } from "../../lib/cost/model";
import { analyzeSnapshot, buildSourceReport } from "../../lib/source/analyze-snapshot";
import { collectSource } from "../../lib/source/collect";
import { collectorScript } from "../../lib/source/collector-script";
import { openReadOnly, SourceError } from "../../lib/source/connect";
import { parseSnapshot } from "../../lib/source/snapshot";
import { startPg18, type TestServer } from "./servers";

let s: TestServer;
beforeAll(async () => {
  s = await startPg18();
});
afterAll(async () => {
  await s?.stop();
});

const SCHEMA = `
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
CREATE TABLE events (id serial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now(), payload text);
CREATE INDEX events_created_at ON events (created_at);
CREATE TABLE counters (id int PRIMARY KEY, hits bigint NOT NULL DEFAULT 0);
INSERT INTO counters VALUES (1, 0);
CREATE TABLE accounts (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), balance numeric NOT NULL DEFAULT 0);
INSERT INTO accounts (balance) SELECT g FROM generate_series(1, 50) g;
ANALYZE;
`;

async function setupDb(name: string, sql = SCHEMA) {
  await s.createDatabase(name);
  const c = await s.admin(name);
  await c.query(sql);
  await c.end();
}

/** The application: single-row inserts on a serial key, a hot counter, savepoints, FOR UPDATE. */
async function runWorkload(db: string, ms: number) {
  const c = await s.admin(db);
  const end = Date.now() + ms;
  let n = 0;
  while (Date.now() < end) {
    await c.query("INSERT INTO events (payload) VALUES ($1)", ["x".repeat(40)]);
    await c.query("UPDATE counters SET hits = hits + 1 WHERE id = $1", [1]);
    if (n % 5 === 0) {
      await c.query("BEGIN");
      await c.query("SAVEPOINT sp1");
      await c.query("SELECT * FROM counters WHERE id = $1 FOR UPDATE", [1]);
      await c.query("RELEASE SAVEPOINT sp1");
      await c.query("COMMIT");
    }
    n++;
  }
  await c.end();
  return n;
}

describe("read-only guarantee", () => {
  it("a full assessment as a read-only role changes nothing in the source", async () => {
    await setupDb("ro");
    const admin = await s.admin("ro");
    await admin.query("CREATE ROLE reader LOGIN PASSWORD 'r3ader-secret'");
    await admin.query("GRANT pg_read_all_stats TO reader; GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader");
    const fingerprint = async () => {
      const r = await admin.query(`SELECT
        (SELECT md5(string_agg(c.oid || c.relname || c.relkind::text || c.relfilenode || coalesce(c.reloptions::text, ''), ',' ORDER BY c.oid)) FROM pg_class c) AS classes,
        (SELECT md5(string_agg(attrelid || attname || atttypid, ',' ORDER BY attrelid, attnum)) FROM pg_attribute) AS attrs,
        (SELECT md5(string_agg(p.oid || p.proname || md5(p.prosrc), ',' ORDER BY p.oid)) FROM pg_proc p) AS procs,
        (SELECT md5(string_agg(t::text, ',' ORDER BY t.id)) FROM events t) AS events,
        (SELECT md5(string_agg(t::text, ',' ORDER BY t.id)) FROM counters t) AS counters,
        (SELECT count(*) FROM accounts) AS accounts`);
      const st = await admin.query("SELECT n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables ORDER BY relid");
      return { ...r.rows[0], writes: st.rows };
    };
    await runWorkload("ro", 300);
    await admin.query("SELECT pg_stat_force_next_flush()");
    const before = await fingerprint();
    const snap = await collectSource(s.urlFor("ro", "reader", "r3ader-secret"), { sampleSeconds: 1 });
    const report = buildSourceReport(await analyzeSnapshot(snap));
    await admin.query("SELECT pg_stat_force_next_flush()");
    await new Promise((r) => setTimeout(r, 200));
    const after = await fingerprint();
    expect(after).toEqual(before);
    // Everything the reader ran was a read: no DML or DDL from that role in pg_stat_statements.
    const ran = await admin.query(
      "SELECT query FROM pg_stat_statements WHERE userid = 'reader'::regrole AND query ~* '^\\s*(insert|update|delete|create|alter|drop|truncate|grant|revoke|copy)'",
    );
    expect(ran.rows).toEqual([]);
    // The session refuses writes outright.
    const c = await openReadOnly(s.urlFor("ro", "reader", "r3ader-secret"));
    const app = await c.query("SELECT current_setting('application_name') AS a");
    expect(app.rows[0].a).toMatch(/dsql-preflight/);
    await expect(c.query("CREATE TABLE nope (id int)")).rejects.toThrow(/read-only transaction/);
    await c.end();
    // The password never shows up in what we produce.
    expect(JSON.stringify(report)).not.toContain("r3ader-secret");
    expect(JSON.stringify(snap)).not.toContain("r3ader-secret");
    await admin.end();
  });
});

describe("preflight degradation", () => {
  it("without pg_stat_statements in the database: notes, no crash", async () => {
    await setupDb("nopgss", SCHEMA.replace("CREATE EXTENSION IF NOT EXISTS pg_stat_statements;", ""));
    const snap = await collectSource(s.urlFor("nopgss"), { sampleSeconds: 0 });
    expect(snap.statements).toBeNull();
    const note = snap.notes.find((n) => n.item === "statements")!;
    expect(note.collected).toBe(false);
    expect(note.reason).toMatch(/not installed/);
    const a = await analyzeSnapshot(snap);
    expect(a.sections.source.collected.find((n) => n.item === "catalog")?.collected).toBe(true);
    expect(a.result.model.tables.size).toBe(3);
  });

  it("without pg_read_all_stats: statements of other roles are reported as hidden", async () => {
    await setupDb("nostats");
    await runWorkload("nostats", 200);
    const admin = await s.admin("nostats");
    await admin.query("DO $$ BEGIN CREATE ROLE plain LOGIN PASSWORD 'plain-pw'; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    await admin.end();
    const snap = await collectSource(s.urlFor("nostats", "plain", "plain-pw"), { sampleSeconds: 0 });
    expect(snap.preflight.readAllStats).toBe(false);
    const note = snap.notes.find((n) => n.item === "statements")!;
    expect(note.collected).toBe("partial");
    expect(note.reason).toMatch(/pg_read_all_stats/);
    const a = await analyzeSnapshot(snap);
    expect(a.result.model.tables.size).toBe(3);
  });
});

describe("workload evidence, hotspots and cost", () => {
  let report: Record<string, any>;
  let calls = 0;
  beforeAll(async () => {
    await setupDb("wl");
    const progress: number[] = [];
    const [snap, n] = await Promise.all([
      collectSource(s.urlFor("wl"), {
        sampleSeconds: 2,
        onProgress: (p) => p.elapsedSeconds !== undefined && progress.push(p.elapsedSeconds),
      }),
      new Promise((r) => setTimeout(r, 200)).then(() => runWorkload("wl", 1500)),
    ]);
    calls = n;
    expect(progress).toContain(2);
    report = buildSourceReport(await analyzeSnapshot(snap));
  });

  it("reports what was collected", () => {
    expect(report.source.serverVersionNum).toBeGreaterThanOrEqual(180000);
    expect(report.source.collected.map((n: any) => [n.item, n.collected])).toEqual([
      ["catalog", true],
      ["table-activity", true],
      ["statements", true],
      ["connections", true],
    ]);
    expect(report.workload.basis.statements).toBe("interval");
    const ev = report.workload.tables.find((t: any) => t.table === "public.events");
    expect(ev.insertsPerSec).toBeGreaterThan(10);
    expect(ev.secondaryIndexes).toBe(1);
  });

  it("flags savepoints and FOR UPDATE with call counts", () => {
    const sp = report.findings.filter((f: any) => f.ruleId === "workload-savepoint");
    expect(sp.length).toBeGreaterThanOrEqual(2); // SAVEPOINT and RELEASE
    expect(sp[0].category).toBe("workload");
    expect(sp[0].evidence.calls).toBeGreaterThan(0);
    expect(sp[0].file).toBe("pg_stat_statements");
    const fu = report.findings.find((f: any) => f.ruleId === "workload-for-update");
    expect(fu.evidence.calls).toBe(Math.ceil(calls / 5));
  });

  it("upgrades hotspots with measured rates", () => {
    const seq = report.findings.find((f: any) => f.ruleId === "workload-sequential-key-inserts");
    expect(seq.object).toMatchObject({ kind: "table", name: "events" });
    expect(seq.evidence.keyKind).toBe("sequence");
    expect(seq.evidence.insertsPerSec).toBeGreaterThan(10);
    const hot = report.findings.find((f: any) => f.ruleId === "workload-hot-rows");
    expect(hot.object.name).toBe("counters");
    expect(hot.evidence.liveRows).toBe(1);
    expect(hot.evidence.counterUpdateCalls).toBe(calls);
    const idx = report.findings.find((f: any) => f.ruleId === "workload-monotonic-index-inserts");
    expect(idx.object.name).toBe("events_created_at");
    const t = report.hotspots.tables.find((h: any) => h.table === "public.counters");
    expect(t.risk).toBe("high");
    expect(t.kinds).toEqual(expect.arrayContaining(["hot-rows", "counter-table", "for-update"]));
    expect(t.remedy).toMatch(/shard/);
  });

  it("estimates DPU with the published formulas", () => {
    const c = report.cost;
    expect(c.status).toBe("estimated");
    expect(c.price.dpuPerMillion).toBe(8);
    const ins = c.items.find((i: any) => i.kind === "insert" && i.table === "public.events");
    expect(ins.rowsPerCall).toBe(1);
    expect(ins.secondaryIndexes).toBe(1);
    // High bound for one single-row insert: write minimum (1,024 B) dominates 2 × max(width,128).
    const bytes = rowWriteBytes(ins.rowBytes, 1);
    expect(bytes).toBe(256);
    const perCall = 1024 * METERING.writeDpuPerByte + 2048 * METERING.readDpuPerByte + Math.max(ins.execSecondsPerCall, 0.008);
    expect(ins.dpuPerMonth.high).toBeCloseTo(ins.callsPerSec * perCall * SECONDS_PER_MONTH, -3);
    expect(c.dpuPerMonth.total.low).toBeLessThanOrEqual(c.dpuPerMonth.total.high);
    expect(c.usdPerMonth.total.high).toBeGreaterThan(0);
    expect(c.assumptions.length).toBeGreaterThan(3);
    const ids = c.whatIf.map((w: any) => w.id);
    expect(ids).toEqual(expect.arrayContaining(["batch-small-writes", "multi-region", "drop-unused-indexes"]));
    const mr = c.whatIf.find((w: any) => w.id === "multi-region");
    expect(mr.deltaDpuPerMonth).toEqual(c.dpuPerMonth.write);
    expect(c.whatIf.find((w: any) => w.id === "batch-small-writes").deltaDpuPerMonth.high).toBeLessThan(0);
  });
});

describe("offline psql collector", () => {
  it("gives the same assessment as a live connection", async () => {
    // psql comes from Debian's postgresql-client; scripts/setup-test-deps.sh installs it.
    expect(spawnSync("psql", ["--version"]).status, "psql is not installed: run scripts/setup-test-deps.sh").toBe(0);
    await setupDb("snap");
    const dir = mkdtempSync(join(tmpdir(), "dsqlpf-snap-"));
    const script = join(dir, "collect.sql");
    const out = join(dir, "snapshot.json");
    writeFileSync(script, collectorScript());
    const r = spawnSync("psql", ["-X", "-q", "-d", s.urlFor("snap"), "-v", "sample_seconds=1", "-v", `out=${out}`, "-f", script], {
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    const fromPsql = parseSnapshot(readFileSync(out, "utf8"));
    expect(fromPsql.collector).toBe("psql");
    const fromLive = await collectSource(s.urlFor("snap"), { sampleSeconds: 1 });
    expect(fromPsql.catalog).toEqual(fromLive.catalog);
    const [a, b] = await Promise.all([analyzeSnapshot(fromPsql), analyzeSnapshot(fromLive)]);
    expect(a.ddl).toBe(b.ddl);
    expect(a.result.findings.map((f) => f.fingerprint)).toEqual(b.result.findings.map((f) => f.fingerprint));
    expect(a.sections.source.collected).toEqual(b.sections.source.collected);
    expect(a.sections.hotspots).toEqual(b.sections.hotspots);
  });
});

describe("connection errors", () => {
  it("closed port", async () => {
    const port = await freePort();
    const e = await collectSource(`postgresql://u:pw@127.0.0.1:${port}/db?sslmode=disable`, { sampleSeconds: 0 }).catch((x) => x);
    expect(e).toBeInstanceOf(SourceError);
    expect(e.code).toBe("unreachable");
    expect(e.message).toMatch(/connection refused/);
  });
  it("wrong password, without echoing it", async () => {
    const e = await collectSource(s.urlFor("postgres", "postgres", "Wr0ng-Secret"), { sampleSeconds: 0 }).catch((x) => x);
    expect(e.code).toBe("auth");
    expect(e.message).toMatch(/authentication failed for user postgres/);
    expect(`${e.message} ${e.hint} ${e.stack}`).not.toContain("Wr0ng-Secret");
  });
  it("unknown database", async () => {
    const e = await collectSource(s.urlFor("no_such_db"), { sampleSeconds: 0 }).catch((x) => x);
    expect(e.code).toBe("no-database");
    expect(e.message).toMatch(/no_such_db does not exist/);
  });
  it("TLS required against a server without TLS", async () => {
    const e = await collectSource(s.urlFor("postgres").replace("sslmode=disable", "sslmode=require"), { sampleSeconds: 0 }).catch((x) => x);
    expect(e.code).toBe("tls");
    expect(e.message).toMatch(/does not support TLS/);
  });
  it("verify-full without a CA certificate", async () => {
    const e = await collectSource(s.urlFor("postgres").replace("sslmode=disable", "sslmode=verify-full"), { sampleSeconds: 0 }).catch(
      (x) => x,
    );
    expect(e.code).toBe("tls");
    expect(e.message).toMatch(/CA certificate/);
  });
  it("sslmode=prefer falls back to plain when the server has no TLS", async () => {
    const c = await openReadOnly(s.urlFor("postgres").replace("sslmode=disable", "sslmode=prefer"));
    expect((await c.query("SELECT 1 AS x")).rows[0].x).toBe(1);
    await c.end();
  });
});

describe("offline collector file", () => {
  it("scripts/dsql-preflight-collect.sql is generated from the live queries", () => {
    expect(readFileSync(join(process.cwd(), "scripts", "dsql-preflight-collect.sql"), "utf8")).toBe(collectorScript());
  });
});
