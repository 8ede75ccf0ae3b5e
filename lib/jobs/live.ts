/** Adapter to the live-source stage (lib/source): collect from a connection or read a snapshot, then analyse. */
import { gunzipSync } from "node:zlib";
import { unzipSync } from "fflate";
import type { AssessmentReport } from "../report/contract";
import { analyzeSnapshot, buildSourceReport } from "../source/analyze-snapshot";
import { collectSource } from "../source/collect";
import { parseSnapshot, type Snapshot } from "../source/snapshot";
import type { ConnectionParams } from "./connection";
import { addSections, type Assessed } from "./sections";

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

/** Snapshot files as the collector writes them: JSON, optionally gzipped or zipped. */
export function snapshotText(bytes: Uint8Array): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipSync(bytes).toString("utf8");
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const entries = unzipSync(bytes, { filter: (f) => f.name.endsWith(".json") });
    const first = Object.values(entries)[0];
    if (!first) throw new Error("the zip holds no .json snapshot");
    return new TextDecoder().decode(first);
  }
  return new TextDecoder().decode(bytes);
}

const source: LiveSource = {
  async fromConnection(p, opts) {
    const sampleSeconds = opts.sampleSeconds ?? 60;
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
