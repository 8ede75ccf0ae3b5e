/**
 * Live sources through the same pipeline as files: collect from a connection or read an offline
 * snapshot → analyse the catalog and the workload once → rewrite that analysis → report.
 */
import { gunzipSync } from "node:zlib";
import type { CostEstimate } from "../cost/model";
import type { ParsedStatement } from "../ingest/parse";
import { unzipLimited } from "../ingest/sources";
import type { SchemaModel } from "../model/schema";
import { analyzeSnapshot, buildSourceReport } from "../source/analyze-snapshot";
import { collectSource } from "../source/collect";
import { checkSourceHost } from "../source/host-policy";
import type { ConnectionParams } from "../source/connection";
import { parseSnapshot, type Snapshot } from "../source/snapshot";
import { poolSteps } from "../workload/connection-plan";
import { withRewriteError, withSections, type Assessed } from "./artifacts";
import { rewriteAnalysed, type RewriteStageOptions, type Rewritten } from "./assess";

export interface SnapshotAssessOptions {
  targetDate: string;
  /** Without it the run stops after the report (the CLI's analyze --db). */
  rewrite?: RewriteStageOptions;
  /** AWS Region for DSQL prices in the cost estimate. */
  region?: string;
  /** The cost section for a workload the user entered, replacing the measured estimate. */
  cost?: (model: SchemaModel) => CostEstimate;
  onProgress?: (message: string, percent: number) => void;
}

export async function assessSnapshot(snap: Snapshot, opts: SnapshotAssessOptions): Promise<Assessed> {
  opts.onProgress?.("Analysing the catalog and the workload", 80);
  const statements: ParsedStatement[] = [];
  const a = await analyzeSnapshot(snap, {
    targetDate: opts.targetDate,
    region: opts.region,
    onStatement: opts.rewrite ? (s) => statements.push(s) : undefined,
  });
  if (opts.cost) a.sections.cost = opts.cost(a.result.model);
  if (!opts.rewrite) return { report: buildSourceReport(a), artifacts: {} };
  opts.onProgress?.("Rewriting the schema for DSQL and planning the migration", 92);
  if (!a.ddl) return { report: buildSourceReport(a), artifacts: {} };
  const files = [{ path: a.sections.source.catalogFile, text: a.ddl, bytes: Buffer.byteLength(a.ddl), encoding: "utf-8" as const }];
  let rewritten: Rewritten | undefined;
  let failure: unknown;
  try {
    // The plan's application-changes phase sets pool settings per application from the connection audit.
    rewritten = await rewriteAnalysed({ files, result: a.result, statements }, opts.rewrite, {
      poolSteps: poolSteps(a.sections.connections),
    });
  } catch (e) {
    failure = e;
  }
  const report = buildSourceReport(a);
  return rewritten ? withSections(report, rewritten) : withRewriteError(report, failure);
}

/** Inflated size a snapshot may reach; compressed uploads are counted as they inflate, not by their headers. */
const MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024;

/** Snapshot files as the collector writes them: JSON, optionally gzipped or zipped. */
export function snapshotText(bytes: Uint8Array): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes, { maxOutputLength: MAX_SNAPSHOT_BYTES }).toString("utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
        throw new Error(`the snapshot expands past ${MAX_SNAPSHOT_BYTES / 2 ** 20} MB`);
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

export interface LiveOptions {
  targetDate: string;
  keyStrategy: string;
  sampleSeconds?: number;
  onProgress: (message: string, percent: number) => void;
}

const stage = (o: LiveOptions): SnapshotAssessOptions => ({
  targetDate: o.targetDate,
  rewrite: { targetDate: o.targetDate, keyStrategy: o.keyStrategy as RewriteStageOptions["keyStrategy"] },
  onProgress: o.onProgress,
});

/** Collect from a source database (read-only session), then assess. */
export async function assessConnection(p: ConnectionParams, opts: LiveOptions): Promise<Assessed> {
  // Checked again here: the name may resolve differently than when the job was created.
  await checkSourceHost(p.host, p.port);
  const snap = await collectSource(
    { host: p.host, port: p.port, database: p.database, user: p.user, password: p.password, sslMode: p.sslmode },
    {
      sampleSeconds: opts.sampleSeconds ?? 60,
      onProgress: (x) => {
        const pct =
          x.phase === "sample" && x.totalSeconds
            ? 20 + Math.round((50 * (x.elapsedSeconds ?? 0)) / x.totalSeconds)
            : { connect: 5, preflight: 10, catalog: 15, sample: 20, statements: 72, done: 78 }[x.phase];
        opts.onProgress(x.message, pct);
      },
    },
  );
  return assessSnapshot(snap, stage(opts));
}

/** An uploaded offline snapshot (scripts/dsql-preflight-collect.sql output). */
export async function assessSnapshotBytes(bytes: Uint8Array, opts: LiveOptions): Promise<Assessed> {
  opts.onProgress("Reading the snapshot", 10);
  return assessSnapshot(parseSnapshot(snapshotText(bytes)), stage(opts));
}
