/**
 * Chinook with --key-strategy uuid on real PostgreSQL: the source database is loaded from the corpus file
 * (schema and data); a second database stands in for DSQL and gets the generated schema, data, remap and
 * verification scripts, run with psql exactly as the plan says.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPg18, CORPUS, type TestServer } from "../source/servers";
import type { MigrationPlan } from "../../lib/plan/plan";
import type { RewriteResult } from "../../lib/rewrite/types";
import { adaptForPostgres, countsAndSums, psql, psqlFile, query, rewriteTo, summedColumns, updateCounts } from "./remap-harness";

let server: TestServer;
let dir: string;
let pgDir: string;
let rw: RewriteResult;
let plan: MigrationPlan;
let source: string;
let target: string;
let firstRemap: string;

beforeAll(async () => {
  server = await startPg18();
  dir = mkdtempSync(join(tmpdir(), "remap-chinook-"));
  const file = join(CORPUS, "chinook_postgresql.sql");
  const loaded = psql(server.urlFor("postgres"), ["-q", "-v", "ON_ERROR_STOP=1", "-f", file], dir);
  expect(loaded.status, loaded.stderr).toBe(0);
  source = server.urlFor("chinook");
  await server.createDatabase("target");
  target = server.urlFor("target");
  const text = readFileSync(file, "utf8");
  ({ rw, plan } = await rewriteTo(dir, [{ path: "chinook_postgresql.sql", text, bytes: Buffer.byteLength(text), encoding: "utf-8" }]));
  pgDir = adaptForPostgres(dir);
  for (const f of ["schema.dsql.sql", "data.dsql.sql"]) {
    const r = psqlFile(target, f, pgDir);
    expect(r.status, `${f}: ${r.stderr}`).toBe(0);
  }
  const r = psqlFile(target, "remap/all.sql", pgDir);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).not.toMatch(/ERROR/);
  firstRemap = r.stdout;
}, 300_000);

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("chinook, integer keys → uuid", () => {
  it("switches every table's key and remaps the 11 foreign-key columns, self-reference and composite key included", () => {
    expect(plan.remap!.keys.map((k) => k.table).sort()).toEqual([
      "public.album",
      "public.artist",
      "public.customer",
      "public.employee",
      "public.genre",
      "public.invoice",
      "public.invoice_line",
      "public.media_type",
      "public.playlist",
      "public.track",
    ]);
    const jobs = plan.remap!.jobs.map((j) => `${j.child}.${j.column}`);
    expect(jobs).toContain("public.employee.reports_to");
    expect(jobs).toContain("public.playlist_track.playlist_id");
    expect(jobs).toContain("public.playlist_track.track_id");
    expect(jobs).toHaveLength(11);
    // playlist_track's key mixes two remapped columns: batches are cut on their old values, indexed first.
    expect(readFileSync(join(dir, "remap", "10_old_key_indexes.sql"), "utf8")).toContain(
      "ON public.playlist_track (old_playlist_id, old_track_id)",
    );
  });

  it("keeps every table's row count and column sums", async () => {
    const tables = summedColumns(rw, plan);
    const a = await countsAndSums(source, tables, "source");
    const b = await countsAndSums(target, tables, "target");
    expect(Object.keys(a)).toHaveLength(11);
    expect(a["public.track"]["#rows"]).toBe("3503");
    expect(b).toEqual(a);
  });

  it("prints identical verification figures on both sides, with 0 orphans", () => {
    const s = psql(source, ["-Atq", "-f", "remap/40_verify_source.sql"], dir);
    const d = psql(target, ["-Atq", "-f", "remap/41_verify_dsql.sql"], pgDir);
    expect(s.stderr + d.stderr).toBe("");
    expect(s.stdout.split("\n").filter(Boolean).length).toBe(11 + 11);
    expect(d.stdout).toBe(s.stdout);
    const orphans = d.stdout.split("\n").filter((l) => l.includes("|orphans|"));
    expect(orphans).toHaveLength(11);
    for (const l of orphans) expect(l).toMatch(/\|0$/);
  });

  it("resolves every foreign key: all validated, every child on the parent its old id names", async () => {
    const fks = await query<{ conname: string; convalidated: boolean }>(
      target,
      "SELECT conname, convalidated FROM pg_constraint WHERE contype = 'f'",
    );
    expect(fks).toHaveLength(11);
    expect(fks.every((f) => f.convalidated)).toBe(true);
    const [wrong] = await query<{ n: string }>(
      target,
      "SELECT count(*) AS n FROM playlist_track c JOIN track p ON p.track_id = c.track_id WHERE p.old_track_id <> c.old_track_id",
    );
    expect(wrong.n).toBe("0");
    const [mgr] = await query<{ n: string }>(
      target,
      "SELECT count(*) AS n FROM employee c JOIN employee p ON p.employee_id = c.reports_to WHERE p.old_employee_id = c.old_reports_to",
    );
    const [srcMgr] = await query<{ n: string }>(source, "SELECT count(*) AS n FROM employee WHERE reports_to IS NOT NULL");
    expect(mgr.n).toBe(srcMgr.n);
  });

  it("gives every row a unique uuid key, each the table's primary key as the plan's check shows", async () => {
    for (const k of plan.remap!.keys) {
      const [r] = await query<{ rows: string; keys: string }>(
        target,
        `SELECT count(*) AS rows, count(DISTINCT ${k.column}) AS keys FROM ${k.table}`,
      );
      expect(r.keys).toBe(r.rows);
    }
    const check = plan.phases.find((p) => p.id === "verification")!.steps.find((s) => s.title === "Every uuid key is unique")!;
    const rows = await query<{ table_name: string; key_column: string }>(target, check.sql!);
    expect(rows).toHaveLength(10);
    expect(rows.find((r) => r.table_name === "public.track")?.key_column).toBe("track_id");
  });

  it("remaps in batches of at most 2,500 rows, and a second run is a no-op", async () => {
    const first = updateCounts(firstRemap);
    expect(Math.max(...first)).toBeLessThanOrEqual(2500);
    const [pt] = await query<{ n: string }>(source, "SELECT count(*) AS n FROM playlist_track");
    // playlist_track has 8,715 rows: each of its two columns takes 4 batches.
    expect(first.filter((n) => n > 0).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2 * Number(pt.n));
    const before = await query(
      target,
      "SELECT md5(string_agg(playlist_id::text || track_id::text, ',' ORDER BY old_playlist_id, old_track_id)) AS h FROM playlist_track",
    );
    const again = psqlFile(target, "remap/all.sql", pgDir);
    expect(again.status, again.stderr).toBe(0);
    expect(updateCounts(again.stdout)).toEqual([]);
    expect(
      await query(
        target,
        "SELECT md5(string_agg(playlist_id::text || track_id::text, ',' ORDER BY old_playlist_id, old_track_id)) AS h FROM playlist_track",
      ),
    ).toEqual(before);
  });
});
