/**
 * After the app is killed with SIGKILL its embedded PostgreSQL keeps running as an orphan holding the
 * data directory; the next start must take over instead of dying.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, expect, test } from "vitest";
import { openStore, type Store } from "../../lib/store/bootstrap";
import { createFromInputs } from "../../lib/jobs/submit";
import { prisma } from "../../lib/store/prisma";
import { startWorker, type WorkerHandle } from "../../lib/jobs/worker";
import { QUEUE_SCHEMA } from "../../lib/jobs/queue";

const dataDir = mkdtempSync(join(tmpdir(), "preflight-crash-"));
let store: Store | undefined;
let worker: WorkerHandle | undefined;

afterAll(async () => {
  await worker?.stop();
  await prisma(store?.url)
    .$disconnect()
    .catch(() => {});
  await store?.stop();
  const cluster = join(dataDir, "pg");
  if (existsSync(cluster)) rmSync(realpathSync(cluster), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts a separate process that opens the store, and resolves once it reports the database URL. */
function startApp(worker = false): Promise<{ pid: number; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "open-store-child.ts")], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", START_WORKER: worker ? "1" : "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ pid: child.pid!, url: (JSON.parse(line) as { url: string }).url });
    });
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("exit", (code) => reject(new Error(`app process exited (${code}): ${err}`)));
  });
}

test("kill -9 of the app: the orphaned server is stopped, the next start works and keeps the data", async () => {
  const app = await startApp();
  const c = new pg.Client({ connectionString: app.url });
  await c.connect();
  await c.query(
    `insert into "Assessment" (id, name, "sourceKind", "sourceLabel", "targetDate", "keyStrategy", "updatedAt") values (gen_random_uuid(), 'before the crash', 'paste', 'Pasted SQL', '2026-09-15', 'keep', now())`,
  );
  await c.end();

  process.kill(app.pid, "SIGKILL");
  while (alive(app.pid)) await new Promise((r) => setTimeout(r, 50));
  const orphan = Number(readFileSync(join(realpathSync(join(dataDir, "pg")), "postmaster.pid"), "utf8").split("\n")[0]);
  expect(alive(orphan), "the server outlives the killed app").toBe(true);

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
  expect(store.mode).toBe("embedded");
  expect(alive(orphan)).toBe(false);
  const c2 = new pg.Client({ connectionString: store.url });
  await c2.connect();
  const r = await c2.query(`select name from "Assessment"`);
  await c2.end();
  expect(r.rows.map((x) => x.name)).toEqual(["before the crash"]);
});

test("a job interrupted by kill -9 runs again after the restart and finishes once", { timeout: 300_000 }, async () => {
  await worker?.stop();
  await store?.stop();
  store = undefined;
  const app = await startApp(true);
  process.env.DATABASE_URL = app.url;
  const sql = readFileSync(join(process.cwd(), "..", "shared", "corpus", "rnacentral-rna.sql"));
  const { id, jobId } = await createFromInputs("upload", [{ name: "rnacentral-rna.sql", bytes: new Uint8Array(sql) }], {
    name: "interrupted",
    targetDate: "2026-09-15",
    keyStrategy: "keep",
  });
  let db = prisma(app.url);
  // Kill the app while its worker is in the middle of the analysis.
  for (let i = 0; ; i++) {
    const a = await db.assessment.findUniqueOrThrow({ where: { id } });
    if (a.status === "running") break;
    expect(a.status, "the job had not started").toBe("queued");
    if (i > 600) throw new Error("the job never started");
    await new Promise((r) => setTimeout(r, 100));
  }
  await db.$disconnect();
  process.kill(app.pid, "SIGKILL");
  while (alive(app.pid)) await new Promise((r) => setTimeout(r, 50));

  const saved = { DATA_DIR: process.env.DATA_DIR };
  process.env.DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  try {
    store = await openStore({ log: () => {} });
  } finally {
    if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = saved.DATA_DIR;
  }
  process.env.DATABASE_URL = store.url;
  worker = await startWorker(store.url, { log: () => {} });
  db = prisma(store.url);
  let a = await db.assessment.findUniqueOrThrow({ where: { id } });
  for (let i = 0; a.status !== "done" && a.status !== "failed"; i++) {
    if (i > 2400) throw new Error(`the interrupted job did not finish (status ${a.status})`);
    await new Promise((r) => setTimeout(r, 100));
    a = await db.assessment.findUniqueOrThrow({ where: { id } });
  }
  expect(a.status, a.error ?? "").toBe("done");
  const c = new pg.Client({ connectionString: store.url });
  await c.connect();
  try {
    const job = await c.query(`select state, retry_count from ${QUEUE_SCHEMA}.job where id = $1`, [jobId]);
    expect(job.rows).toEqual([{ state: "completed", retry_count: 1 }]);
    // Stored once: one finding row per report finding, no duplicates from the first attempt.
    const rows = await c.query(`select count(*)::int as n from "Finding" where "assessmentId" = $1`, [id]);
    expect(rows.rows[0].n).toBe(a.findingsCount);
  } finally {
    await c.end();
  }
});
