/**
 * Where the store lives. With DATABASE_URL the app uses that server (several app instances and
 * workers can share it). Without it, the first process starts an embedded PostgreSQL whose data
 * directory (DATA_DIR, default ./.data) survives restarts, and records its address in
 * DATA_DIR/server.json so `npm run worker` on the same machine joins the same database.
 * Either way, pending migrations are applied before anything else touches the database.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, stopOrphanServer, type EmbeddedServer } from "../db/embedded";
import { dataDir } from "./data-dir";
import { applyMigrations } from "./migrate";

export const DATABASE_NAME = "preflight";

export interface Store {
  url: string;
  /** "external" (DATABASE_URL), "embedded" (started here) or "shared" (another local process's embedded server). */
  mode: "external" | "embedded" | "shared";
  dataDir?: string;
  appliedMigrations: string[];
  stop(): Promise<void>;
}

export { dataDir };

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(adminUrl: string, name: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const r = await c.query("select 1 from pg_database where datname = $1", [name]);
    if (r.rowCount === 0) await c.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await c.end();
  }
}

export async function openStore(opts: { log?: (s: string) => void } = {}): Promise<Store> {
  const log = opts.log ?? ((s: string) => console.log(`[store] ${s}`));
  if (process.env.DATABASE_URL) {
    const url = process.env.DATABASE_URL;
    const applied = await applyMigrations(url);
    log(`using DATABASE_URL; ${applied.length ? `applied ${applied.join(", ")}` : "migrations up to date"}`);
    return { url, mode: "external", appliedMigrations: applied, stop: async () => {} };
  }

  const dir = dataDir();
  // Only this OS user may enter: the directory holds the database and the secrets (server.json, keys).
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const infoFile = join(dir, "server.json");
  if (existsSync(infoFile)) {
    let info: { url: string; pid: number } | undefined;
    try {
      info = JSON.parse(readFileSync(infoFile, "utf8")) as { url: string; pid: number };
    } catch {
      /* unreadable: start our own */
    }
    if (info && info.pid !== process.pid && alive(info.pid)) {
      if (await reachable(info.url)) {
        const applied = await applyMigrations(info.url);
        log(`joined the embedded PostgreSQL of process ${info.pid} (${dir})`);
        return { url: info.url, mode: "shared", dataDir: dir, appliedMigrations: applied, stop: async () => {} };
      }
      throw new Error(
        `the embedded PostgreSQL in ${dir} belongs to process ${info.pid}, which is running but its database does not answer; stop that process and start again`,
      );
    }
  }

  // No live process owns the server: one left running by a crashed run (kill -9) is stopped first.
  await stopOrphanServer(join(dir, "pg"), log);
  const port = process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : undefined;
  const server: EmbeddedServer = await startEmbeddedPostgres({ dir: join(dir, "pg"), port, persistent: true });
  await ensureDatabase(server.url, DATABASE_NAME);
  const url = server.urlFor(DATABASE_NAME);
  // The URL holds the database password: readable by this OS user only.
  writeFileSync(infoFile, JSON.stringify({ url, pid: process.pid, startedAt: new Date().toISOString() }, null, 2), { mode: 0o600 });
  chmodSync(infoFile, 0o600);
  const applied = await applyMigrations(url);
  log(
    `embedded PostgreSQL ${server.version} on port ${server.port}, data in ${dir}${applied.length ? `; applied ${applied.join(", ")}` : ""}`,
  );
  return {
    url,
    mode: "embedded",
    dataDir: dir,
    appliedMigrations: applied,
    stop: async () => {
      rmSync(infoFile, { force: true });
      await server.stop();
    },
  };
}
