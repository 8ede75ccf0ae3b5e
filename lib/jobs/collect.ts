/**
 * The live-collection job (connect to a source, or analyse an uploaded offline snapshot). It calls
 * the live-source stage when this build has one; otherwise it fails the assessment with a clear
 * reason instead of inventing data.
 */
import type { PrismaClient } from "../store/prisma";
import { liveSource } from "./live";
import { markFailed, saveReport, setProgress } from "./persist";
import { sourceErrorForWeb } from "../source/host-policy";
import type { ConnectionParams } from "./connection";

export async function runCollectJob(db: PrismaClient, assessmentId: string, password: string | undefined, log: (s: string) => void = () => {}) {
  const a = await db.assessment.findUnique({ where: { id: assessmentId }, include: { inputs: { orderBy: { position: "asc" } } } });
  if (!a || a.status === "done") return;
  await db.assessment.update({ where: { id: a.id }, data: { status: "running", startedAt: new Date(), error: null } });
  const source = await liveSource();
  if (!source) {
    await markFailed(
      db,
      a.id,
      a.sourceKind === "snapshot"
        ? "Offline snapshot support is not available in this build (the live-source stage is not installed). Upload the schema as .sql instead."
        : "Live source support is not available in this build (the live-source stage is not installed). Run pg_dump --schema-only and upload the file instead.",
    );
    return;
  }
  try {
    await setProgress(db, a.id, { phase: "collecting", percent: 5, message: a.sourceKind === "snapshot" ? "Reading the snapshot" : "Collecting from the source" });
    const onProgress = (message: string, percent: number) => setProgress(db, a.id, { phase: "collecting", percent, message }).catch(() => {});
    const info = (a.sourceInfo ?? {}) as unknown as ConnectionParams & { sampleSeconds?: number };
    const { report, artifacts } =
      a.sourceKind === "snapshot"
        ? await source.fromSnapshot(new Uint8Array(a.inputs[0]!.content), { targetDate: a.targetDate, keyStrategy: a.keyStrategy, onProgress })
        : await source.fromConnection({ ...info, password }, { targetDate: a.targetDate, keyStrategy: a.keyStrategy, sampleSeconds: info.sampleSeconds, onProgress });
    await setProgress(db, a.id, { phase: "saving", percent: 96, message: `Saving ${report.findings.length} findings` });
    await saveReport(db, a.id, report, artifacts);
    log(`assessment ${a.id}: collected, ${report.findings.length} findings`);
  } catch (e) {
    const info = (a.sourceInfo ?? {}) as unknown as ConnectionParams;
    await markFailed(db, a.id, `Collection failed: ${a.sourceKind === "snapshot" ? (e as Error).message : sourceErrorForWeb(e, info.host, info.port)}`);
  }
}
