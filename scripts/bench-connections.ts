/**
 * What the connection audit costs: one pg_stat_activity sample (ACTIVITY_SQL) with N client sessions
 * connected to a real PostgreSQL 18, and the audit + findings over the collector's 7 samples. Prints
 * medians; no thresholds (speed goals live here, not in tests).
 *
 *   npx tsx scripts/bench-connections.ts [sessions=200]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { openReadOnly } from "../lib/source/connect";
import { ACTIVITY_SAMPLES, ACTIVITY_SQL } from "../lib/source/connection-queries";
import type { ConnectionSample } from "../lib/source/snapshot";
import { connectionFindings } from "../lib/workload/connection-findings";
import { auditConnections } from "../lib/workload/connections";

const sessions = Number(process.argv[2] ?? 200);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "bench-conn-"));
  const server = await startEmbeddedPostgres({ dir, settings: { max_connections: String(sessions + 20), fsync: "off" } });
  const url = `postgresql://postgres:${encodeURIComponent(server.password)}@127.0.0.1:${server.port}/postgres?sslmode=disable`;
  const clients: pg.Client[] = [];
  try {
    for (let i = 0; i < sessions; i++) {
      const c = new pg.Client({ connectionString: url, application_name: `app-${i % 10}` });
      c.on("error", () => {});
      await c.connect();
      if (i % 20 === 0) await c.query("BEGIN; SELECT 1");
      clients.push(c);
    }
    const ro = await openReadOnly(url);
    const times: number[] = [];
    const samples: ConnectionSample[] = [];
    for (let i = 0; i < 21; i++) {
      const t = process.hrtime.bigint();
      const r = await ro.query(ACTIVITY_SQL);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      if (samples.length < ACTIVITY_SAMPLES) samples.push(r.rows[0].j);
    }
    await ro.end();
    const bytes = JSON.stringify(samples[0]).length;
    const audits: number[] = [];
    let findings = 0;
    for (let i = 0; i < 21; i++) {
      const t = process.hrtime.bigint();
      const a = auditConnections({ samples, settings: null }, { now: new Date(Date.parse(samples.at(-1)!.at) + 61 * 60_000) });
      findings = connectionFindings(a).length;
      audits.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    console.log(`sessions connected:             ${sessions} (10 application_names, ${Math.ceil(sessions / 20)} idle in transaction)`);
    console.log(`one pg_stat_activity sample:    ${median(times).toFixed(2)} ms median of 21, ${(bytes / 1024).toFixed(1)} KiB of JSON`);
    console.log(
      `audit + findings, ${ACTIVITY_SAMPLES} samples:    ${median(audits).toFixed(2)} ms median of 21 (${findings} findings with the clock 61 min on)`,
    );
  } finally {
    for (const c of clients) await c.end().catch(() => {});
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
