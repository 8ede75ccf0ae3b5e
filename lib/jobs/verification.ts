/**
 * The state of a rewrite verification, kept in the stored report JSON under `verification` (no schema
 * change), and starting one: the job itself is verify.ts, run by a worker.
 */
import type { VerifyResult } from "../rewrite/verify";
import { databaseUrl, type PrismaClient } from "../store/prisma";
import { enqueue, EXPIRE_SECONDS, QUEUES } from "./queue";

export type VerificationState =
  | { status: "queued" | "running"; jobId?: string; requestedAt: string; startedAt?: string }
  | { status: "done"; jobId?: string; requestedAt: string; startedAt?: string; finishedAt: string; result: VerifyResult }
  | { status: "failed"; jobId?: string; requestedAt: string; startedAt?: string; finishedAt: string; error: string };

/** Why an assessment cannot be verified, or undefined when it can. */
export function cannotVerify(a: { sourceKind: string; status: string }, inputCount: number): string | undefined {
  if (a.status !== "done") return `The assessment is ${a.status}; verify it once its analysis is done`;
  // A live collection keeps no catalog once analysed; an offline snapshot keeps its file, DDL rebuilt from it.
  if (a.sourceKind === "connection" || inputCount === 0) {
    return "Verify needs the uploaded DDL or snapshot: a live connection's catalog is not kept after the analysis. Upload a pg_dump --schema-only (or an offline snapshot) of the source to verify its rewrite.";
  }
  return undefined;
}

export async function readVerification(db: PrismaClient, id: string): Promise<VerificationState | undefined> {
  const rows = await db.$queryRaw<
    Array<{ v: unknown }>
  >`select "report"->'verification' as v from "AssessmentReport" where "assessmentId" = ${id}::uuid`;
  return (rows[0]?.v ?? undefined) as VerificationState | undefined;
}

export async function writeVerification(db: PrismaClient, id: string, v: VerificationState): Promise<void> {
  await db.$executeRaw`update "AssessmentReport" set "report" = jsonb_set("report", '{verification}', ${JSON.stringify(v)}::jsonb) where "assessmentId" = ${id}::uuid`;
}

/**
 * A queued or running verification older than this lost its worker twice (pg-boss retries an expired job
 * once), so a new request starts afresh instead of waiting on it forever.
 */
const STALE_MS = 2 * (EXPIRE_SECONDS + 60) * 1000;

/** Queue a verification; a queued or running one is returned as is instead of starting another. */
export async function requestVerification(db: PrismaClient, id: string, now = Date.now()): Promise<VerificationState> {
  const current = await readVerification(db, id);
  const pending = current && (current.status === "queued" || current.status === "running");
  if (pending && now - Date.parse(current.requestedAt) < STALE_MS) return current;
  const queued: VerificationState = { status: "queued", requestedAt: new Date().toISOString() };
  await writeVerification(db, id, queued);
  const jobId = await enqueue(databaseUrl(), QUEUES.verify, { assessmentId: id });
  const withJob: VerificationState = { ...queued, jobId };
  // The worker may already have moved it on: only a still-queued state gets the job id.
  await db.$executeRaw`update "AssessmentReport" set "report" = jsonb_set("report", '{verification,jobId}', to_jsonb(${jobId}::text)) where "assessmentId" = ${id}::uuid and "report"->'verification'->>'status' = 'queued'`;
  return withJob;
}
