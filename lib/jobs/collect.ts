/** The live-collection job: connect to a source, or analyse an uploaded offline snapshot, then store the result. */
import { assessConnection, assessSnapshotBytes } from "../pipeline/live";
import type { ConnectionParams } from "../source/connection";
import type { PrismaClient } from "../store/prisma";
import { markFailed, saveAssessed, setProgress } from "./persist";
import { sourceErrorForWeb } from "../source/host-policy";

export async function runCollectJob(
  db: PrismaClient,
  assessmentId: string,
  password: string | undefined,
  log: (s: string) => void = () => {},
) {
  const a = await db.assessment.findUnique({ where: { id: assessmentId }, include: { inputs: { orderBy: { position: "asc" } } } });
  if (!a || a.status === "done") return;
  await db.assessment.update({ where: { id: a.id }, data: { status: "running", startedAt: new Date(), error: null } });
  try {
    await setProgress(db, a.id, {
      phase: "collecting",
      percent: 5,
      message: a.sourceKind === "snapshot" ? "Reading the snapshot" : "Collecting from the source",
    });
    const onProgress = (message: string, percent: number) =>
      setProgress(db, a.id, { phase: "collecting", percent, message }).catch(() => {});
    const info = (a.sourceInfo ?? {}) as unknown as ConnectionParams & { sampleSeconds?: number };
    const { report, artifacts } =
      a.sourceKind === "snapshot"
        ? await assessSnapshotBytes(new Uint8Array(a.inputs[0]!.content), {
            targetDate: a.targetDate,
            keyStrategy: a.keyStrategy,
            onProgress,
          })
        : await assessConnection(
            { ...info, password },
            { targetDate: a.targetDate, keyStrategy: a.keyStrategy, sampleSeconds: info.sampleSeconds, onProgress },
          );
    await setProgress(db, a.id, { phase: "saving", percent: 96, message: `Saving ${report.findings.length} findings` });
    await saveAssessed(db, a.id, report, artifacts);
    log(`assessment ${a.id}: collected, ${report.findings.length} findings`);
  } catch (e) {
    const info = (a.sourceInfo ?? {}) as unknown as ConnectionParams;
    await markFailed(
      db,
      a.id,
      `Collection failed: ${a.sourceKind === "snapshot" ? (e as Error).message : sourceErrorForWeb(e, info.host, info.port)}`,
    );
  }
}
