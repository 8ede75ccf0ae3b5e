/**
 * The analysis job: load the stored inputs, run the engine (in a worker thread when the bundled
 * thread entry is present), then store the report and one row per finding in one transaction.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { AssessmentError, assessUploads, type AssessInput, type AssessOptions, type Progress } from "../pipeline/uploads";
import type { PrismaClient } from "../store/prisma";
import { previousEnteredWorkload } from "../store/entered-workload";
import { saveReport, setProgress, markFailed } from "./persist";
import { databaseOf } from "../store/assessments";
import { toStoredForm, type StoredAssessment } from "./stored-form";

function threadEntry(): string | undefined {
  try {
    const p = fileURLToPath(new URL("./analysis-thread.js", import.meta.url));
    return existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Backstop for the analysis thread's heap, so one job stays near 1 GB: the statement limit and the
 * analysis heap guard stop most oversized inputs earlier; this catches the rewrite stage after them.
 */
const THREAD_HEAP_MB = 1024;

/**
 * Assess the inputs and return the report in its stored form. `enteredWorkload` is the workload
 * entered on the run a re-run follows (see toStoredForm).
 */
export async function runAssessment(
  inputs: AssessInput[],
  opts: AssessOptions,
  onProgress: (p: Progress) => void,
  enteredWorkload?: unknown,
): Promise<StoredAssessment> {
  const entry = threadEntry();
  if (!entry || process.env.PREFLIGHT_INLINE_ANALYSIS === "1")
    return toStoredForm(await assessUploads(inputs, opts, onProgress), enteredWorkload);
  return new Promise((resolve, reject) => {
    const w = new Worker(entry, {
      workerData: { inputs, opts, enteredWorkload },
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    });
    let settled = false;
    w.on("message", (m: { type: string; progress?: Progress; stored?: StoredAssessment; message?: string; expected?: boolean }) => {
      if (m.type === "progress") onProgress(m.progress!);
      else if (m.type === "done") {
        settled = true;
        resolve(m.stored!);
      } else if (m.type === "error") {
        settled = true;
        reject(m.expected ? new AssessmentError(m.message) : new Error(m.message));
      }
    });
    w.on("error", (e) => {
      settled = true;
      // Running out of memory happens again on every attempt with the same input: no retry.
      if ((e as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") {
        reject(new AssessmentError(`input too large to analyse: the analysis ran out of memory (${THREAD_HEAP_MB} MB)`));
      } else reject(e);
    });
    w.on("exit", (code) => {
      if (!settled) reject(new Error(`analysis thread exited with code ${code}`));
    });
  });
}

export async function runAnalysisJob(db: PrismaClient, assessmentId: string, log: (s: string) => void = () => {}): Promise<void> {
  const a = await db.assessment.findUnique({ where: { id: assessmentId }, include: { inputs: { orderBy: { position: "asc" } } } });
  if (!a) {
    log(`assessment ${assessmentId} no longer exists; skipping`);
    return;
  }
  if (a.status === "done") return;
  await db.assessment.update({
    where: { id: a.id },
    data: { status: "running", startedAt: new Date(), error: null, progress: { phase: "decoding", percent: 1, message: "Starting" } },
  });
  const started = Date.now();
  let lastWrite = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const onProgress = (p: Progress) => {
    const now = Date.now();
    if (now - lastWrite < 250 && p.phase === "analyzing") return;
    lastWrite = now;
    pending = pending.then(() => setProgress(db, a.id, p)).catch(() => {});
  };
  try {
    const stored = await runAssessment(
      a.inputs.map((i) => ({ name: i.name, bytes: new Uint8Array(i.content) })),
      { targetDate: a.targetDate, keyStrategy: a.keyStrategy, database: databaseOf(a) },
      onProgress,
      await previousEnteredWorkload(db, a.id),
    );
    await pending;
    const findings = stored.headline.findingsCount;
    await setProgress(db, a.id, { phase: "saving", percent: 95, message: `Saving ${findings} findings` });
    const storing = Date.now();
    await saveReport(db, a.id, stored);
    const t = stored.timings
      ? `parse ${stored.timings.parse}, analyse ${stored.timings.analyse}, rewrite ${stored.timings.rewrite}, report ${stored.timings.report}, `
      : "";
    log(`assessment ${a.id}: ${findings} findings in ${Date.now() - started} ms (${t}store ${Date.now() - storing} ms)`);
  } catch (e) {
    await pending;
    const err = e as Error;
    await markFailed(db, a.id, err instanceof AssessmentError ? err.message : `Analysis failed: ${err.message}`);
    if (!(err instanceof AssessmentError)) throw err;
  }
}
