import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startEmbeddedPostgres, type EmbeddedServer } from "../db/embedded";
import { ensureQueues, newBoss, QUEUES } from "./queue";

let pg: EmbeddedServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "preflight-queue-"));
  pg = await startEmbeddedPostgres({ dir, persistent: false });
});

afterAll(async () => {
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test("two workers never run the same job", async () => {
  const workers = [newBoss(pg.url), newBoss(pg.url)];
  for (const w of workers) {
    w.on("error", () => {});
    await w.start();
    await ensureQueues(w);
  }
  const runs: Array<{ worker: number; job: number }> = [];
  const N = 40;
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  for (const [i, w] of workers.entries()) {
    // Two subscriptions per worker, as startWorker makes for two slots.
    for (let slot = 0; slot < 2; slot++) {
      await w.work<{ n: number }>(QUEUES.analyze, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
        runs.push({ worker: i, job: job.data.n });
        await new Promise((r) => setTimeout(r, 20));
        if (runs.length === N) done();
      });
    }
  }
  for (let n = 0; n < N; n++) await workers[0].send(QUEUES.analyze, { n });
  await finished;
  await new Promise((r) => setTimeout(r, 1500)); // any duplicate delivery would show up here
  await Promise.all(workers.map((w) => w.stop({ graceful: true, timeout: 5000 })));
  const jobs = runs.map((r) => r.job).sort((a, b) => a - b);
  expect(jobs).toEqual([...Array(N).keys()]);
  // Both workers took part.
  expect(new Set(runs.map((r) => r.worker)).size).toBe(2);
});
