/**
 * The job queue: pg-boss on the app's own PostgreSQL. Jobs are fetched with SELECT … FOR UPDATE
 * SKIP LOCKED, so two workers never hold the same job; a worker that dies stops sending heartbeats
 * and its job is retried once elsewhere.
 */
import { PgBoss } from "pg-boss";

export const QUEUES = {
  analyze: "preflight-analyze",
  collect: "preflight-collect",
} as const;

export interface AnalyzeJob {
  assessmentId: string;
}

export interface CollectJob {
  assessmentId: string;
  /** Only the password travels in the job, sealed (job-secret.ts) and deleted with the job once done; the rest is on the assessment. */
  sealedPassword?: string;
}

const QUEUE_OPTIONS = {
  retryLimit: 1,
  retryDelay: 2,
  expireInSeconds: 30 * 60,
  heartbeatSeconds: 30,
  deleteAfterSeconds: 60 * 60,
};

export async function ensureQueues(boss: PgBoss) {
  for (const name of Object.values(QUEUES)) {
    const existing = await boss.getQueue(name);
    if (!existing) await boss.createQueue(name, QUEUE_OPTIONS);
  }
}

const g = globalThis as unknown as { __preflightSender?: { url: string; boss: Promise<PgBoss> } };

/** A pg-boss instance that only sends jobs (the web process's request handlers). */
async function sender(url: string): Promise<PgBoss> {
  if (g.__preflightSender?.url === url) return g.__preflightSender.boss;
  const boss = (async () => {
    const b = new PgBoss({ connectionString: url, max: 3, supervise: false, schedule: false });
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

export async function enqueue(url: string, name: (typeof QUEUES)[keyof typeof QUEUES], data: AnalyzeJob | CollectJob): Promise<string> {
  const boss = await sender(url);
  const id = await boss.send(name, data as object);
  if (!id) throw new Error(`queue ${name} refused the job`);
  return id;
}
