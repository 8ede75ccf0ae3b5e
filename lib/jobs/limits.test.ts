/**
 * An input over the statement limit fails its job once, with the limit in the message, and the queue
 * does not retry it: the same input would fail the same way on every attempt.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openStore, type Store } from "../store/bootstrap";
import { prisma } from "../store/prisma";
import { createFromInputs } from "./submit";
import { startWorker, type WorkerHandle } from "./worker";

let store: Store;
let worker: WorkerHandle;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "preflight-limits-"));
  process.env.DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  store = await openStore({ log: () => {} });
  process.env.DATABASE_URL = store.url;
  worker = await startWorker(store.url, { log: () => {} });
});

afterAll(async () => {
  delete process.env.DSQL_PREFLIGHT_MAX_STATEMENTS;
  await worker?.stop();
  await store?.stop();
  delete process.env.DATABASE_URL;
  rmSync(dir, { recursive: true, force: true });
});

async function settled(id: string) {
  const db = prisma(store.url);
  for (let i = 0; i < 600; i++) {
    const a = await db.assessment.findUniqueOrThrow({ where: { id } });
    if (a.status === "failed" || a.status === "done") return a;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`assessment ${id} did not finish`);
}

test("a job over the statement limit fails with the count and the limit, and is not retried", async () => {
  process.env.DSQL_PREFLIGHT_MAX_STATEMENTS = "5";
  const sql = Array.from({ length: 12 }, (_, i) => `INSERT INTO t VALUES (${i});\n`).join("");
  const { id, jobId } = await createFromInputs("upload", [{ name: "many.sql", bytes: new TextEncoder().encode(sql) }], {
    name: "many",
    targetDate: "2026-09-15",
    keyStrategy: "keep",
  });
  const a = await settled(id);
  expect(a.status).toBe("failed");
  expect(a.error).toContain("many.sql: input too large to analyse: 12 statements, limit 5");
  expect(a.findingsCount ?? 0).toBe(0);

  // The queue saw the job end normally: no second attempt is scheduled.
  await new Promise((r) => setTimeout(r, 3000));
  const c = new pg.Client({ connectionString: store.url });
  await c.connect();
  try {
    const { rows } = await c.query("select state, retry_count from pgboss.job where id = $1", [jobId]);
    expect(rows).toEqual([{ state: "completed", retry_count: 0 }]);
  } finally {
    await c.end();
  }

  // Under the limit the same input is analysed.
  process.env.DSQL_PREFLIGHT_MAX_STATEMENTS = "12";
  const ok = await createFromInputs("upload", [{ name: "many.sql", bytes: new TextEncoder().encode(sql) }], {
    name: "many again",
    targetDate: "2026-09-15",
    keyStrategy: "keep",
  });
  expect((await settled(ok.id)).status).toBe("done");
});
