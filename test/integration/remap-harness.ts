/**
 * Runs what a DBA runs for a uuid key migration, against a real PostgreSQL standing in for DSQL: the
 * rewrite's schema script, the load, remap/ and the verification scripts, all through psql. DSQL-only
 * syntax is adapted the one way the scripts write it: `ASYNC` blanked, `\gset` + `CALL sys.wait_for_job`
 * replaced by the statement's end (PostgreSQL builds indexes and validates synchronously).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { buildPlan, type MigrationPlan } from "../../lib/plan/plan";
import { rewrite } from "../../lib/rewrite/engine";
import { renderDataScript } from "../../lib/rewrite/data";
import { renderPsqlScript } from "../../lib/rewrite/render";
import type { RewriteResult } from "../../lib/rewrite/types";
import type { InputFile } from "../../lib/ingest/input";

export async function rewriteTo(dir: string, files: InputFile[], batchRows?: number): Promise<{ rw: RewriteResult; plan: MigrationPlan }> {
  const rw = await rewrite(files, { keyStrategy: "uuid" });
  const plan = buildPlan(rw, { remap: { batchRows } });
  mkdirSync(join(dir, "remap"), { recursive: true });
  writeFileSync(join(dir, "schema.dsql.sql"), renderPsqlScript(rw));
  if (rw.data.length) writeFileSync(join(dir, "data.dsql.sql"), renderDataScript(rw));
  for (const f of plan.remap?.files ?? []) writeFileSync(join(dir, "remap", f.name), f.content);
  return { rw, plan };
}

/** Copies of the DSQL-side scripts with DSQL-only syntax adapted for PostgreSQL (under `pg/`). */
export function adaptForPostgres(dir: string): string {
  const out = join(dir, "pg");
  mkdirSync(join(out, "remap"), { recursive: true });
  const adapt = (s: string) => s.replace(/\n\\gset\nCALL sys\.wait_for_job\(:'job_id'\);/g, ";").replace(/\bASYNC\s+/g, "");
  for (const f of ["schema.dsql.sql", "data.dsql.sql"]) {
    try {
      writeFileSync(join(out, f), adapt(readFileSync(join(dir, f), "utf8")));
    } catch {
      /* no data script */
    }
  }
  for (const f of readdirSync(join(dir, "remap"))) writeFileSync(join(out, "remap", f), adapt(readFileSync(join(dir, "remap", f), "utf8")));
  return out;
}

export interface PsqlRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function psql(url: string, args: string[], cwd: string, env: Record<string, string> = {}): PsqlRun {
  const r = spawnSync("psql", ["-X", "-d", url, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, PGPASSWORD: "preflight", ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function psqlFile(url: string, file: string, cwd: string): PsqlRun {
  return psql(url, ["-v", "ON_ERROR_STOP=1", "-f", file], cwd);
}

/** `UPDATE n` lines psql printed: one per batch. */
export function updateCounts(out: string): number[] {
  return [...out.matchAll(/^UPDATE (\d+)$/gm)].map((m) => Number(m[1]));
}

export async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url, password: "preflight" });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Per table: row count and the sum of every integer/numeric column, read from the catalog of the database. */
export async function countsAndSums(
  url: string,
  tables: Array<{ schema: string; name: string; columns: Array<{ source: string; target: string }> }>,
  side: "source" | "target",
): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  for (const t of tables) {
    const cols = t.columns.map((c) => (side === "source" ? c.source : c.target));
    const sums = cols.map((c, i) => `coalesce(sum("${c}"), 0)::text AS "${t.columns[i].source}"`);
    const [row] = await query<Record<string, string>>(
      url,
      `SELECT count(*)::text AS "#rows"${sums.length ? `, ${sums.join(", ")}` : ""} FROM "${t.schema}"."${t.name}"`,
    );
    out[`${t.schema}.${t.name}`] = row;
  }
  return out;
}

/** Integer and numeric columns of a table on the source (the ones summed), with their DSQL column. */
export function summedColumns(
  rw: RewriteResult,
  plan: MigrationPlan,
): Array<{ schema: string; name: string; columns: Array<{ source: string; target: string }> }> {
  const renames = new Map<string, string>();
  for (const k of rw.keyChanges) {
    if (k.strategy !== "uuid" || !k.legacyColumn) continue;
    renames.set(`${k.table}.${k.column}`, k.legacyColumn);
    for (const r of k.remappedForeignKeys ?? []) renames.set(`${r.table}.${r.column}`, r.legacyColumn);
  }
  return plan.loads.map((l) => {
    const t = rw.analysis.model.tables.get(l.table)!;
    const columns = t.columns
      .filter((c) => /^(int2|int4|int8|numeric)$/.test(c.type.name))
      .map((c) => ({ source: c.name, target: renames.get(`${l.table}.${c.name}`) ?? c.name }));
    return { schema: t.schema, name: t.name, columns };
  });
}
