/**
 * The app's own database must not be open to other OS users: random password, private data directory
 * and secrets, and (as root) no directory of anyone else loosened for the postgres OS user.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { openStore, type Store } from "../../lib/store/bootstrap";

const isRoot = process.getuid?.() === 0;
// A private parent (0700), as `mktemp -d` or a home directory would be.
const parent = mkdtempSync(join(tmpdir(), "preflight-sec-"));
const dataDir = join(parent, "data");
let store: Store | undefined;

afterAll(async () => {
  await store?.stop();
  const pg = join(dataDir, "pg");
  if (existsSync(pg)) rmSync(realpathSync(pg), { recursive: true, force: true });
  rmSync(parent, { recursive: true, force: true });
});

/** Runs a Node script as the unprivileged `nobody` user; returns its exit status and output. */
function asNobody(script: string, env: Record<string, string> = {}): { status: number | null; out: string } {
  const file = join(tmpdir(), `nobody-${process.pid}-${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(file, script, { mode: 0o644 });
  try {
    const r = spawnSync("runuser", ["-u", "nobody", "--", process.execPath, file], {
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...env } as unknown as NodeJS.ProcessEnv,
      cwd: "/",
      encoding: "utf8",
      timeout: 30_000,
    });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

describe("embedded store, seen by another OS user", () => {
  test("random password, 0700 data directory, 0600 secrets; nobody can read or connect", async () => {
    const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    process.env.DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    try {
      store = await openStore({ log: () => {} });
    } finally {
      if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = saved.DATA_DIR;
      if (saved.DATABASE_URL !== undefined) process.env.DATABASE_URL = saved.DATABASE_URL;
    }
    const url = new URL(store.url);
    expect(decodeURIComponent(url.password)).not.toBe("preflight");
    expect(decodeURIComponent(url.password).length).toBeGreaterThanOrEqual(24);

    // Nothing above the data directory was loosened for the server's OS user.
    expect(statSync(parent).mode & 0o777).toBe(0o700);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, "server.json")).mode & 0o777).toBe(0o600);
    const cluster = realpathSync(join(dataDir, "pg"));
    expect(statSync(cluster).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(dataDir)) {
      const st = statSync(join(dataDir, f));
      if (st.isFile()) expect(st.mode & 0o077, `${f} is readable by others`).toBe(0);
    }

    // Switching to another OS user needs root, which the suite has (.ci/run, scripts/setup-test-deps.sh).
    expect(isRoot, "this check runs a client as the nobody OS user: run the suite as root").toBe(true);
    const pgModule = resolve("node_modules/pg");
    const tries = asNobody(`
      const fs = require("fs");
      const out = [];
      for (const p of ${JSON.stringify([join(dataDir, "server.json"), join(cluster, "preflight-password"), join(cluster, "PG_VERSION")])}) {
        try { fs.readFileSync(p); out.push("READ " + p); } catch (e) { out.push(e.code + " " + p); }
      }
      const { Client } = require(${JSON.stringify(pgModule)});
      (async () => {
        for (const pw of ["preflight", "postgres"]) {
          const c = new Client({ host: "127.0.0.1", port: ${url.port}, user: "postgres", password: pw, database: "postgres", connectionTimeoutMillis: 5000 });
          try { await c.connect(); const r = await c.query('select count(*) from "User"'); out.push("CONNECTED " + JSON.stringify(pw)); await c.end(); }
          catch (e) { out.push("refused " + JSON.stringify(pw) + ": " + e.message); }
        }
        console.log(out.join("\\n"));
        process.exit(0);
      })();
    `);
    expect(tries.status, tries.out).toBe(0);
    expect(tries.out).not.toMatch(/READ |CONNECTED/);
    expect(tries.out).toMatch(/EACCES .*server\.json/);
    expect(tries.out).toMatch(/refused "preflight": password authentication failed/);
  });

  test("clusters linked from a temporary directory that is gone are reclaimed on the next start", async () => {
    const { startEmbeddedPostgres } = await import("../../lib/db/embedded");
    const scratch = mkdtempSync(join(tmpdir(), "preflight-scratch-"));
    const first = await startEmbeddedPostgres({ dir: join(scratch, "pg"), persistent: true });
    const cluster = realpathSync(join(scratch, "pg"));
    await first.stop();
    rmSync(scratch, { recursive: true, force: true }); // removes the link only, as a test's cleanup does
    expect(existsSync(cluster)).toBe(true);
    const other = mkdtempSync(join(tmpdir(), "preflight-other-"));
    const second = await startEmbeddedPostgres({ dir: other, persistent: false });
    await second.stop();
    expect(existsSync(cluster)).toBe(false);
  });

  test("a cluster from the old layout (constant password, data under DATA_DIR) is moved and re-keyed", async () => {
    // Covered by the move/re-key path: an existing data directory with PG_VERSION but no password file.
    const legacyParent = mkdtempSync(join(tmpdir(), "preflight-legacy-"));
    const legacy = join(legacyParent, "pg");
    mkdirSync(legacy);
    const bin = realpathSync(
      join(
        readdirSync("/var/lib/dsql-preflight")
          .map((d) => join("/var/lib/dsql-preflight", d))
          .find((d) => /pg-/.test(d))!,
        "bin",
      ),
    );
    const pwFile = join(legacyParent, "pw");
    writeFileSync(pwFile, "preflight\n");
    spawnSync("chown", ["-R", "postgres:postgres", legacyParent]);
    spawnSync("chmod", ["755", legacyParent]);
    const init = spawnSync(
      "runuser",
      ["-u", "postgres", "--", join(bin, "initdb"), `--pgdata=${legacy}`, "--auth=password", "--username=postgres", `--pwfile=${pwFile}`],
      { encoding: "utf8" },
    );
    expect(init.status, init.stderr).toBe(0);
    const { startEmbeddedPostgres } = await import("../../lib/db/embedded");
    const server = await startEmbeddedPostgres({ dir: legacy, persistent: false });
    try {
      expect(server.password).not.toBe("preflight");
      expect(readFileSync(join(realpathSync(legacy), "preflight-password"), "utf8")).toBe(server.password);
      expect(realpathSync(legacy).startsWith("/var/lib/dsql-preflight/clusters/")).toBe(true);
    } finally {
      await server.stop();
      rmSync(legacyParent, { recursive: true, force: true });
    }
  });
});
