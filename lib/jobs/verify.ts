/**
 * The verification job (`rewrite --verify` for the dashboard): the stored inputs are rewritten again with
 * the assessment's options (the rewrite is deterministic, so this is the script the Rewrites page shows)
 * and both are loaded into a throwaway embedded PostgreSQL and compared (lib/rewrite/verify.ts). The
 * state and result live in the stored report JSON under `verification`, so no schema change is needed.
 */
import type { InputFile } from "../ingest/input";
import type { ParsedStatement } from "../ingest/parse";
import { analyseFiles, rewriteAnalysed, type Analysed } from "../pipeline/assess";
import { snapshotText } from "../pipeline/live";
import { analyzeSnapshot } from "../source/analyze-snapshot";
import { parseSnapshot } from "../source/snapshot";
import { decodeInputs } from "../pipeline/uploads";
import { databaseOf } from "../store/assessments";
import type { KeyStrategy, RewriteResult } from "../rewrite/types";
import type { VerifyResult } from "../rewrite/verify";
import { verifyOnEmbeddedPostgres } from "../rewrite/verify-run";
import type { PrismaClient } from "../store/prisma";
import { cannotVerify, readVerification, writeVerification } from "./verification";

/** `alterScript` changes the rewrite before it is verified (tests break a script on purpose). */
export async function runVerifyJob(
  db: PrismaClient,
  assessmentId: string,
  jobId: string | undefined,
  log: (s: string) => void = () => {},
  alterScript?: (rw: RewriteResult) => void,
): Promise<void> {
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
    const analysed =
      a.sourceKind === "snapshot"
        ? await catalogDdl(new Uint8Array(a.inputs[0].content), a.targetDate)
        : await uploaded(a.inputs, a.targetDate, databaseOf(a));
    const files = analysed.files;
    let result: VerifyResult | undefined;
    await rewriteAnalysed(analysed, { targetDate: a.targetDate, keyStrategy: a.keyStrategy as KeyStrategy }, {}, async (rw) => {
      alterScript?.(rw);
      result = await verifyOnEmbeddedPostgres(files, rw);
      return {};
    });
    await writeVerification(db, assessmentId, { ...base, status: "done", finishedAt: new Date().toISOString(), result: result! });
    log(
      `assessment ${assessmentId}: verification ${result!.ok ? "passed" : "failed"} (${result!.explained.length} intended, ${result!.unexplained.length} unexplained, ${result!.failures.length} failed statements)`,
    );
  } catch (e) {
    await writeVerification(db, assessmentId, {
      ...base,
      status: "failed",
      finishedAt: new Date().toISOString(),
      error: `Verification could not run: ${(e as Error).message}`,
    });
  }
}

async function uploaded(inputs: Array<{ name: string; content: Uint8Array }>, targetDate: string, database?: string): Promise<Analysed> {
  const files = decodeInputs(
    inputs.map((i) => ({ name: i.name, bytes: new Uint8Array(i.content) })),
    undefined,
    database,
  );
  return analyseFiles(files, { targetDate, keepStatements: true });
}

/** An offline snapshot: its catalog's DDL, the same text the assessment's rewrite started from (pipeline/live.ts). */
async function catalogDdl(bytes: Uint8Array, targetDate: string): Promise<Analysed> {
  const statements: ParsedStatement[] = [];
  const s = await analyzeSnapshot(parseSnapshot(snapshotText(bytes)), { targetDate, onStatement: (x) => statements.push(x) });
  if (!s.ddl) throw new Error("the snapshot holds no catalog to rebuild the schema from");
  const files: InputFile[] = [{ path: s.sections.source.catalogFile, text: s.ddl, bytes: Buffer.byteLength(s.ddl), encoding: "utf-8" }];
  return { files, result: s.result, statements };
}
