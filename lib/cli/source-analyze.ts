/**
 * The CLI side of the live source: `analyze --db URL [--sample-seconds N]` and `analyze snapshot.json`.
 * Loaded only when asked for, so file analysis does not pay for the pg driver at start-up.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { CostEstimate } from "../cost/model";
import type { SchemaModel } from "../model/schema";
import type { AssessmentReport } from "../report/contract";
import { assessSnapshot } from "../pipeline/live";
import { collectSource, DEFAULT_SAMPLE_SECONDS } from "../source/collect";
import { SourceError } from "../source/connect";
import { looksLikeSnapshot, parseSnapshot, SnapshotError, type Snapshot } from "../source/snapshot";

export interface SourceCliOptions {
  db?: string;
  sampleSeconds?: string;
  region?: string;
  saveSnapshot?: string;
  targetDate?: string;
  progress?: boolean;
  /** The cost of a workload the user entered: replaces the measured estimate (which pg_stat_statements may not give). */
  enteredCost?: (model: SchemaModel) => CostEstimate;
}

export interface SourceCliHelpers {
  targetDate(d: string | undefined): string;
  usageError(message: string): Error;
  finish(report: AssessmentReport): number;
}

/** Handles the run when it is about a live database or a snapshot file; returns undefined otherwise. */
export async function runSourceAnalyze(inputs: string[], o: SourceCliOptions, h: SourceCliHelpers): Promise<number | undefined> {
  let snap: Snapshot | undefined;
  if (o.db) {
    if (inputs.length) throw h.usageError("analyze: give either --db or input files, not both");
    const secs = o.sampleSeconds === undefined ? DEFAULT_SAMPLE_SECONDS : Number(o.sampleSeconds);
    if (!Number.isFinite(secs) || secs < 0 || secs > 3600)
      throw h.usageError(`--sample-seconds: "${o.sampleSeconds}" is not a number of seconds between 0 and 3600`);
    const show = o.progress || process.stderr.isTTY;
    try {
      snap = await collectSource(o.db, {
        sampleSeconds: secs,
        onProgress: (p) => {
          if (!show) return;
          if (p.phase === "sample" && p.elapsedSeconds !== undefined && p.elapsedSeconds > 0 && p.elapsedSeconds < (p.totalSeconds ?? 0)) {
            if (p.elapsedSeconds % 5 === 0) process.stderr.write(`  sampling ${p.elapsedSeconds}/${p.totalSeconds} s\n`);
          } else process.stderr.write(`${p.message}\n`);
        },
      });
    } catch (e) {
      if (e instanceof SourceError) throw h.usageError(`--db: ${e.message}${e.hint ? `. ${e.hint}` : ""}`);
      throw e;
    }
    if (o.saveSnapshot) writeFileSync(o.saveSnapshot, JSON.stringify(snap));
  } else if (inputs.length === 1 && inputs[0] !== "-" && /\.json$/i.test(inputs[0])) {
    let text: string;
    try {
      text = readFileSync(inputs[0], "utf8");
    } catch {
      throw h.usageError(`${inputs[0]}: cannot read the file`);
    }
    if (!looksLikeSnapshot(text))
      throw h.usageError(`${inputs[0]}: not a dsql-preflight snapshot (make one with scripts/dsql-preflight-collect.sql)`);
    try {
      snap = parseSnapshot(text);
    } catch (e) {
      if (e instanceof SnapshotError) throw h.usageError(`${inputs[0]}: ${e.message}`);
      throw e;
    }
  } else if (o.sampleSeconds !== undefined || o.saveSnapshot) {
    throw h.usageError("--sample-seconds and --save-snapshot need --db");
  } else return undefined;
  let report: AssessmentReport;
  try {
    ({ report } = await assessSnapshot(snap, {
      targetDate: h.targetDate(o.targetDate),
      region: o.region,
      cost: o.enteredCost,
    }));
  } catch (e) {
    if (/no DSQL price for region/.test(String((e as Error).message))) throw h.usageError(`--region: ${(e as Error).message}`);
    throw e;
  }
  return h.finish(report);
}
