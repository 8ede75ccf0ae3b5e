/**
 * Connecting to a source PostgreSQL: test the connection and check, before any collection starts,
 * which permissions the assessment will need and which are missing (the "preflight").
 */
import pg from "pg";
import { openReadOnly } from "./connect";
import { checkSourceHost, sourceErrorForWeb } from "./host-policy";

export interface ConnectionParams {
  host: string;
  port: number;
  database: string;
  user: string;
  password?: string;
  sslmode: "disable" | "prefer" | "require" | "verify-full";
  /** Seconds between the two activity samples of a live collection. */
  sampleSeconds?: number;
}

export interface PreflightCheck {
  id: string;
  label: string;
  ok: boolean;
  required: boolean;
  detail: string;
}

export interface ConnectionTest {
  ok: boolean;
  error?: string;
  serverVersion?: string;
  user?: string;
  database?: string;
  elapsedMs: number;
  checks: PreflightCheck[];
}

export function describeSource(p: Pick<ConnectionParams, "host" | "port" | "database" | "user">): string {
  return `${p.user}@${p.host}:${p.port}/${p.database}`;
}

export async function testConnection(p: ConnectionParams): Promise<ConnectionTest> {
  const t0 = Date.now();
  // The same read-only session as the collection itself: read-only from the first statement, with
  // timeouts, and errors mapped to one clear message per failure kind (never showing the password).
  let c: pg.Client;
  try {
    await checkSourceHost(p.host, p.port);
    c = await openReadOnly(
      { host: p.host, port: p.port, database: p.database, user: p.user, password: p.password, sslMode: p.sslmode },
      { connectTimeoutMs: 5000 },
    );
  } catch (e) {
    return { ok: false, error: sourceErrorForWeb(e, p.host, p.port), elapsedMs: Date.now() - t0, checks: [] };
  }
  try {
    const info = (
      await c.query(
        "select current_setting('server_version') as v, current_user as u, current_database() as d, current_setting('server_version_num')::int as n",
      )
    ).rows[0];
    const checks: PreflightCheck[] = [];
    const one = async (sql: string) => (await c.query(sql)).rows[0];
    checks.push({
      id: "version",
      label: "PostgreSQL 12 or newer",
      ok: info.n >= 120000,
      required: true,
      detail: `server ${info.v}`,
    });
    const catalog = await one("select has_table_privilege('pg_catalog.pg_class', 'SELECT') as ok");
    checks.push({
      id: "catalog",
      label: "Read the system catalog",
      ok: !!catalog.ok,
      required: true,
      detail: catalog.ok ? "pg_catalog is readable" : "cannot read pg_catalog.pg_class",
    });
    const stats = await one(
      "select pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') or (select rolsuper from pg_roles where rolname = current_user) as ok",
    );
    checks.push({
      id: "read-all-stats",
      label: "pg_read_all_stats (workload statistics of all users)",
      ok: !!stats.ok,
      required: false,
      detail: stats.ok ? "granted" : `GRANT pg_read_all_stats TO ${info.u}; (without it, other users' statements are hidden)`,
    });
    // The read-only session runs with an empty search_path, so the view is named with its schema.
    const pss = await one(
      "select n.nspname as schema, true as installed from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_stat_statements' union all select null, false order by installed desc limit 1",
    );
    let pssReadable = false;
    if (pss.installed) {
      try {
        await c.query(`select 1 from ${pg.escapeIdentifier(pss.schema)}.pg_stat_statements limit 1`);
        pssReadable = true;
      } catch {
        pssReadable = false;
      }
    }
    checks.push({
      id: "pg-stat-statements",
      label: "pg_stat_statements (query workload, cost and hotspots)",
      ok: pssReadable,
      required: false,
      detail: !pss.installed
        ? "extension not installed: workload-based findings and cost will be skipped"
        : pssReadable
          ? "installed and readable"
          : "installed but not readable (shared_preload_libraries?)",
    });
    const tables = await one(
      "select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r','p') and n.nspname not in ('pg_catalog','information_schema') and n.nspname not like 'pg_toast%'",
    );
    checks.push({ id: "tables", label: "User tables visible", ok: tables.n > 0, required: false, detail: `${tables.n} tables` });
    return {
      ok: checks.every((x) => x.ok || !x.required),
      serverVersion: info.v,
      user: info.u,
      database: info.d,
      elapsedMs: Date.now() - t0,
      checks,
    };
  } catch (e) {
    return { ok: false, error: (e as Error).message, elapsedMs: Date.now() - t0, checks: [] };
  } finally {
    await c.end().catch(() => {});
  }
}
