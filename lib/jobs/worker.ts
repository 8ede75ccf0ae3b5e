/** A queue worker: takes analysis, collection and verification jobs, one at a time per slot, until stopped. */
import type PgBoss from "pg-boss";
import { prisma } from "../store/prisma";
import { runAnalysisJob } from "./analysis";
import { runCollectJob } from "./collect";
import { openPassword } from "./job-secret";
import { markFailed } from "./persist";
import { ensureQueues, newBoss, QUEUES, retryInterrupted, type AnalyzeJob, type CollectJob, type VerifyJob } from "./queue";
import { runVerifyJob } from "./verify";

export interface WorkerHandle {
  stop(): Promise<void>;
}

/**
 * Jobs one worker process runs at once (WORKER_CONCURRENCY, default 1, at most 8). Each analysis runs in
 * its own thread with a bounded heap, so memory is bounded by this number; more throughput comes from
 * more worker processes (`npm run worker`), which share the queue without ever taking the same job.
 */
export const MAX_JOBS_PER_WORKER = 8;

export function jobsPerWorker(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return 1;
  return Math.min(MAX_JOBS_PER_WORKER, Math.max(1, Math.floor(requested)));
}

export async function startWorker(url: string, opts: { concurrency?: number; log?: (s: string) => void } = {}): Promise<WorkerHandle> {
  const log = opts.log ?? ((s: string) => console.log(`[worker] ${s}`));
  const db = prisma(url);
  const localConcurrency = jobsPerWorker(opts.concurrency);
  const boss = newBoss(url, { max: 2 + localConcurrency });
  boss.on("error", (e) => {
    if ((e as { code?: string }).code !== "57P01") log(`queue error: ${(e as Error).message}`);
  });
  await boss.start();
  await ensureQueues(boss);
  const interrupted = await retryInterrupted(boss);
  if (interrupted) log(`${interrupted} job(s) interrupted by a database restart will run again`);
  // pg-boss 10 runs one job at a time per work() subscription: one subscription per slot.
  const slots = [...Array(localConcurrency).keys()];
  const analyze = async ([job]: PgBoss.Job<AnalyzeJob>[]) => {
    log(`job ${job.id}: analyse assessment ${job.data.assessmentId}`);
    await db.assessment.update({ where: { id: job.data.assessmentId }, data: { jobId: job.id } }).catch(() => {});
    await runAnalysisJob(db, job.data.assessmentId, log);
  };
  const collect = async ([job]: PgBoss.Job<CollectJob>[]) => {
    log(`job ${job.id}: collect for assessment ${job.data.assessmentId}`);
    let password: string | undefined;
    try {
      password = openPassword(job.data.sealedPassword);
    } catch (e) {
      await markFailed(db, job.data.assessmentId, (e as Error).message);
      return;
    }
    await runCollectJob(db, job.data.assessmentId, password, log);
  };
  const verify = async ([job]: PgBoss.Job<VerifyJob>[]) => {
    log(`job ${job.id}: verify the rewrite of assessment ${job.data.assessmentId}`);
    await runVerifyJob(db, job.data.assessmentId, job.id, log);
  };
  for (const _ of slots) {
    await boss.work<AnalyzeJob>(QUEUES.analyze, { batchSize: 1, pollingIntervalSeconds: 1 }, analyze);
    await boss.work<CollectJob>(QUEUES.collect, { batchSize: 1, pollingIntervalSeconds: 1 }, collect);
    await boss.work<VerifyJob>(QUEUES.verify, { batchSize: 1, pollingIntervalSeconds: 1 }, verify);
  }
  log(`listening on ${Object.values(QUEUES).join(", ")} (concurrency ${localConcurrency})`);
  return { stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}
