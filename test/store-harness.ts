/**
 * The app's store (embedded PostgreSQL in a temporary DATA_DIR) with a queue worker, for integration
 * tests that submit assessments the way the dashboard does. Registers its own beforeAll/afterAll.
 */
import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startWorker, type WorkerHandle } from "@/lib/jobs/worker";
import { openStore, type Store } from "@/lib/store/bootstrap";
import { prisma } from "@/lib/store/prisma";

export function storeWithWorker(prefix: string): { readonly url: string } {
  let store: Store | undefined;
  let worker: WorkerHandle | undefined;
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `preflight-${prefix}-`));
    process.env.DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    store = await openStore({ log: () => {} });
    process.env.DATABASE_URL = store.url;
    worker = await startWorker(store.url, { log: () => {} });
  });
  afterAll(async () => {
    await worker?.stop();
    await store?.stop();
    delete process.env.DATABASE_URL;
    // As root the cluster lives outside DATA_DIR, behind the DATA_DIR/pg link.
    const cluster = join(dir, "pg");
    if (existsSync(cluster)) rmSync(realpathSync(cluster), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!store) throw new Error("the store is not open yet (use it inside a test)");
      return store.url;
    },
  };
}

/** Waits until the assessment's job has finished, done or failed, and returns the assessment. */
export async function settled(url: string, id: string) {
  const db = prisma(url);
  for (let i = 0; i < 600; i++) {
    const a = await db.assessment.findUniqueOrThrow({ where: { id } });
    if (a.status === "failed" || a.status === "done") return a;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`assessment ${id} did not finish`);
}
