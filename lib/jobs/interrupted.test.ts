/**
 * A job that was running when the database restarted (the app was killed together with its embedded
 * server) runs again once, at the next worker start, instead of waiting for its expiry; a job started
 * after the restart is left alone.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, expect, test } from "vitest";
import { startEmbeddedPostgres, type EmbeddedServer } from "../db/embedded";
import { ensureQueues, newBoss, QUEUE_SCHEMA, QUEUES, retryInterrupted } from "./queue";

const dir = mkdtempSync(join(tmpdir(), "preflight-interrupted-"));
let server: EmbeddedServer | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function jobState(url: string, id: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(`select state, retry_count from ${QUEUE_SCHEMA}.job where id = $1`, [id]);
    return rows[0];
  } finally {
    await c.end();
  }
}

test("jobs active across a database restart are retried once; jobs started after it are not", async () => {
  server = await startEmbeddedPostgres({ dir, persistent: true });
  const before = newBoss(server.url);
  before.on("error", () => {});
  await before.start();
  await ensureQueues(before);
  const interruptedId = (await before.send(QUEUES.analyze, { assessmentId: "a" }))!;
  const [taken] = await before.fetch(QUEUES.analyze);
  expect(taken.id).toBe(interruptedId);
  await before.stop({ graceful: false, wait: true }).catch(() => {});

  // The server restarts under the running job (same data directory, new postmaster).
  await server.stop();
  server = await startEmbeddedPostgres({ dir, persistent: false });
  const after = newBoss(server.url);
  after.on("error", () => {});
  await after.start();
  const laterId = (await after.send(QUEUES.analyze, { assessmentId: "b" }))!;
  await new Promise((r) => setTimeout(r, 50));
  expect((await after.fetch(QUEUES.analyze)).map((j) => j.id)).toEqual([laterId]);

  expect(await retryInterrupted(after)).toBe(1);
  expect(await jobState(server.url, interruptedId)).toEqual({ state: "retry", retry_count: 0 });
  expect(await jobState(server.url, laterId)).toEqual({ state: "active", retry_count: 0 });
  // Nothing left to retry: a second worker start changes nothing.
  expect(await retryInterrupted(after)).toBe(0);
  // After the queue's retry delay a worker takes it again: its one retry.
  await new Promise((r) => setTimeout(r, 2_500));
  expect((await after.fetch(QUEUES.analyze)).map((j) => j.id)).toEqual([interruptedId]);
  expect(await jobState(server.url, interruptedId)).toEqual({ state: "active", retry_count: 1 });
  await after.stop({ graceful: false, wait: true }).catch(() => {});
});
