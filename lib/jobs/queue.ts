/**
 * The job queue: pg-boss on the app's own PostgreSQL. Jobs are fetched with SELECT … FOR UPDATE
 * SKIP LOCKED, so two workers never hold the same job. pg-boss 10 is the last major whose declared
 * engines accept Node 20; it has no heartbeats, so a job whose worker died is retried once when it
 * expires (EXPIRE_SECONDS), or at once when the database restarted under it (retryInterrupted).
 */
import PgBoss from "pg-boss";

export const QUEUES = {
  analyze: "preflight-analyze",
  collect: "preflight-collect",
  verify: "preflight-verify",
} as const;

export interface AnalyzeJob {
  assessmentId: string;
}

export interface CollectJob {
  assessmentId: string;
  /** Only the password travels in the job, sealed (job-secret.ts) and deleted with the job once done; the rest is on the assessment. */
  sealedPassword?: string;
}

export interface VerifyJob {
  assessmentId: string;
}

/** The queue's own schema, so it never meets tables another pg-boss version created in the same database. */
export const QUEUE_SCHEMA = "preflight_queue";

/**
 * An analysis is bounded by the statement limit and its thread's heap budget and takes seconds; a job
 * still active after this long belongs to a worker that died, and pg-boss retries it.
 */
export const EXPIRE_SECONDS = 15 * 60;

const QUEUE_OPTIONS = {
  retryLimit: 1,
  retryDelay: 2,
  expireInSeconds: EXPIRE_SECONDS,
};

/** A pg-boss instance on the queue's schema. */
export function newBoss(url: string, opts: { max?: number; supervise?: boolean; schedule?: boolean } = {}): PgBoss {
  return new PgBoss({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    max: opts.max ?? 3,
    supervise: opts.supervise,
    schedule: opts.schedule,
    // Ended jobs (a collection's carries the sealed source password) leave the database within the hour.
    archiveCompletedAfterSeconds: 60 * 60,
    archiveFailedAfterSeconds: 60 * 60,
    deleteAfterSeconds: 60,
  });
}

/**
 * Jobs still marked active that started before the database server did were interrupted by its
 * restart (the app was killed with its embedded database): their workers are gone, so they are failed
 * now, which retries them once, instead of waiting for their expiry.
 */
export async function retryInterrupted(boss: PgBoss): Promise<number> {
  const { rows } = await boss
    .getDb()
    .executeSql(`SELECT name, id FROM ${QUEUE_SCHEMA}.job WHERE state = 'active' AND started_on < pg_postmaster_start_time()`, []);
  const byQueue = new Map<string, string[]>();
  for (const r of rows as Array<{ name: string; id: string }>) byQueue.set(r.name, [...(byQueue.get(r.name) ?? []), r.id]);
  for (const [name, ids] of byQueue) await boss.fail(name, ids);
  return rows.length;
}

export async function ensureQueues(boss: PgBoss) {
  for (const name of Object.values(QUEUES)) {
    const existing = await boss.getQueue(name);
    if (!existing) await boss.createQueue(name, { name, ...QUEUE_OPTIONS });
  }
}

const g = globalThis as unknown as { __preflightSender?: { url: string; boss: Promise<PgBoss> } };

/** A pg-boss instance that only sends jobs (the web process's request handlers). */
async function sender(url: string): Promise<PgBoss> {
  if (g.__preflightSender?.url === url) return g.__preflightSender.boss;
  const boss = (async () => {
    const b = newBoss(url, { max: 3, supervise: false, schedule: false });
    b.on("error", (e) => {
      // 57P01: the server is shutting down (normal at exit of the embedded database).
      if ((e as { code?: string }).code !== "57P01") console.error(`[queue] ${(e as Error).message}`);
    });
    await b.start();
    await ensureQueues(b);
    return b;
  })();
  g.__preflightSender = { url, boss };
  boss.catch(() => {
    if (g.__preflightSender?.boss === boss) g.__preflightSender = undefined;
  });
  return boss;
}

export async function enqueue(
  url: string,
  name: (typeof QUEUES)[keyof typeof QUEUES],
  data: AnalyzeJob | CollectJob | VerifyJob,
): Promise<string> {
  const boss = await sender(url);
  const id = await boss.send(name, data as object);
  if (!id) throw new Error(`queue ${name} refused the job`);
  return id;
}
