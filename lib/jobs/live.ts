/** Adapter to the live-source stage (lib/source): collect from a connection or read a snapshot, then analyse. */
import { gunzipSync } from "node:zlib";
import type { AssessmentReport } from "../report/contract";
import { analyzeSnapshot, buildSourceReport } from "../source/analyze-snapshot";
import { collectSource } from "../source/collect";
import { parseSnapshot, type Snapshot } from "../source/snapshot";
import type { ConnectionParams } from "./connection";
import { addSections, type Assessed } from "./sections";
import { unzipLimited } from "../ingest/sources";
import { checkSourceHost } from "../source/host-policy";

export interface LiveOptions {
  targetDate: string;
  keyStrategy: string;
  sampleSeconds?: number;
  onProgress: (message: string, percent: number) => void;
}

export interface LiveSource {
  fromConnection(params: ConnectionParams, opts: LiveOptions): Promise<Assessed>;
  fromSnapshot(bytes: Uint8Array, opts: LiveOptions): Promise<Assessed>;
}

async function assessSnapshot(snap: Snapshot, opts: LiveOptions): Promise<Assessed> {
  opts.onProgress("Analysing the catalog and the workload", 80);
  const a = await analyzeSnapshot(snap, { targetDate: opts.targetDate });
  const report: AssessmentReport = buildSourceReport(a);
  opts.onProgress("Rewriting the schema for DSQL and planning the migration", 92);
  const files = a.ddl ? [{ path: `catalog:${snap.preflight.database}`, text: a.ddl, bytes: Buffer.byteLength(a.ddl), encoding: "utf-8" as const }] : [];
  return addSections(report, { files, keyStrategy: opts.keyStrategy, targetDate: opts.targetDate });
}

/** Inflated size a snapshot may reach; compressed uploads are counted as they inflate, not by their headers. */
const MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024;

/** Snapshot files as the collector writes them: JSON, optionally gzipped or zipped. */
export function snapshotText(bytes: Uint8Array): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes, { maxOutputLength: MAX_SNAPSHOT_BYTES }).toString("utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw new Error(`the snapshot expands past ${MAX_SNAPSHOT_BYTES / 2 ** 20} MB`);
      throw new Error(`the snapshot is not readable gzip (${(e as Error).message})`);
    }
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const entries = unzipLimited("snapshot.zip", bytes, (f) => f.endsWith(".json"), MAX_SNAPSHOT_BYTES);
    const first = [...entries.values()][0];
    if (!first) throw new Error("the zip holds no .json snapshot");
    return new TextDecoder().decode(first);
  }
  return new TextDecoder().decode(bytes);
}

const source: LiveSource = {
  async fromConnection(p, opts) {
    const sampleSeconds = opts.sampleSeconds ?? 60;
    // Checked again here: the name may resolve differently than when the job was created.
    await checkSourceHost(p.host, p.port);
    const snap = await collectSource(
      { host: p.host, port: p.port, database: p.database, user: p.user, password: p.password, sslMode: p.sslmode },
      {
        sampleSeconds,
        onProgress: (x) => {
          const pct = x.phase === "sample" && x.totalSeconds ? 20 + Math.round((50 * (x.elapsedSeconds ?? 0)) / x.totalSeconds) : { connect: 5, preflight: 10, catalog: 15, sample: 20, statements: 72, done: 78 }[x.phase];
          opts.onProgress(x.message, pct);
        },
      },
    );
    return assessSnapshot(snap, opts);
  },
  async fromSnapshot(bytes, opts) {
    opts.onProgress("Reading the snapshot", 10);
    return assessSnapshot(parseSnapshot(snapshotText(bytes)), opts);
  },
};

export async function liveSource(): Promise<LiveSource | undefined> {
  return source;
}
