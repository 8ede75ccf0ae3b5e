/**
 * The verification job (`rewrite --verify` for the dashboard): the stored inputs are rewritten again with
 * the assessment's options (the rewrite is deterministic, so this is the script the Rewrites page shows)
 * and both are loaded into a throwaway embedded PostgreSQL and compared (lib/rewrite/verify.ts). The
 * state and result live in the stored report JSON under `verification`, so no schema change is needed.
 */
import { analyseFiles, rewriteAnalysed } from "../pipeline/assess";
import { decodeInputs } from "../pipeline/uploads";
import type { KeyStrategy, RewriteResult } from "../rewrite/types";
import type { VerifyResult } from "../rewrite/verify";
import { verifyOnEmbeddedPostgres } from "../rewrite/verify-run";
import type { PrismaClient } from "../store/prisma";
import { cannotVerify, readVerification, writeVerification } from "./verification";

/** `alterScript` changes the rewrite before it is verified (tests break a script on purpose). */
export async function runVerifyJob(db: PrismaClient, assessmentId: string, jobId: string | undefined, log: (s: string) => void = () => {}, alterScript?: (rw: RewriteResult) => void): Promise<void> {
  const a = await db.assessment.findUnique({ where: { id: assessmentId }, include: { inputs: { orderBy: { position: "asc" } } } });
  const before = await readVerification(db, assessmentId);
  if (!a || !before) {
    log(`assessment ${assessmentId} has no report to verify; skipping`);
    return;
  }
  const base = { jobId, requestedAt: before.requestedAt, startedAt: new Date().toISOString() };
  const refused = cannotVerify(a, a.inputs.length);
  if (refused) {
    await writeVerification(db, assessmentId, { ...base, status: "failed", finishedAt: new Date().toISOString(), error: refused });
    return;
  }
  await writeVerification(db, assessmentId, { ...base, status: "running" });
  try {
    const files = decodeInputs(a.inputs.map((i) => ({ name: i.name, bytes: new Uint8Array(i.content) })));
    const analysed = await analyseFiles(files, { targetDate: a.targetDate, keepStatements: true });
    let result: VerifyResult | undefined;
    await rewriteAnalysed(analysed, { targetDate: a.targetDate, keyStrategy: a.keyStrategy as KeyStrategy }, {}, async (rw) => {
      alterScript?.(rw);
      result = await verifyOnEmbeddedPostgres(files, rw);
      return {};
    });
    await writeVerification(db, assessmentId, { ...base, status: "done", finishedAt: new Date().toISOString(), result: result! });
    log(`assessment ${assessmentId}: verification ${result!.ok ? "passed" : "failed"} (${result!.explained.length} intended, ${result!.unexplained.length} unexplained, ${result!.failures.length} failed statements)`);
  } catch (e) {
    await writeVerification(db, assessmentId, { ...base, status: "failed", finishedAt: new Date().toISOString(), error: `Verification could not run: ${(e as Error).message}` });
  }
}
