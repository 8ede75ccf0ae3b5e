/**
 * One assessment run over uploaded inputs, independent of where it runs (a worker thread in the
 * worker process, or inline): decode → analyze and rewrite → report, reporting progress as it goes.
 */
import { analyze, type AnalyzeOptions } from "../analyze";
import { InputError, type InputFile } from "../ingest/input";
import { checkHasStatements, checkStatementCount } from "../ingest/limits";
import { parserClock } from "../ingest/parse";
import { inputsFromBytes } from "../ingest/sources";
import { buildReport } from "../report/contract";
import { rewrite } from "../rewrite/engine";
import type { KeyStrategy, RewriteResult } from "../rewrite/types";
import { sectionsFrom, withRewriteError, type Assessed } from "./sections";

export interface AssessInput {
  name: string;
  bytes: Uint8Array;
}

export interface AssessOptions {
  targetDate: string;
  keyStrategy: string;
  maxBytes?: number;
}

export interface Progress {
  phase: "queued" | "decoding" | "analyzing" | "reporting" | "saving" | "collecting" | "done";
  percent: number;
  message: string;
  statements?: number;
}

export class AssessmentError extends Error {}

export function decodeInputs(inputs: AssessInput[], maxBytes?: number): InputFile[] {
  const out: InputFile[] = [];
  for (const i of inputs) out.push(...inputsFromBytes(i.name, i.bytes, { maxBytes }));
  return out;
}

export async function assess(inputs: AssessInput[], opts: AssessOptions, onProgress: (p: Progress) => void): Promise<Assessed> {
  onProgress({ phase: "decoding", percent: 2, message: `Reading ${inputs.length} input${inputs.length === 1 ? "" : "s"}` });
  let files: InputFile[];
  try {
    files = decodeInputs(inputs, opts.maxBytes);
    // Too many statements is refused here, before any parsing (the count comes from the lexer pass
    // the parser reuses).
    checkStatementCount(files);
    checkHasStatements(files);
  } catch (e) {
    if (e instanceof InputError) throw new AssessmentError(e.message);
    throw e;
  }
  const totalChars = files.reduce((a, f) => a + f.text.length, 0) || 1;
  let doneChars = 0;
  let statements = 0;
  let lastSent = 0;
  const fileStart = new Map<string, number>();
  {
    let acc = 0;
    for (const f of files) {
      fileStart.set(f.path, acc);
      acc += f.text.length;
    }
  }
  const hooks: Pick<AnalyzeOptions, "onStatement" | "onProgress"> = {
    onStatement: (stmt) => {
      statements++;
      doneChars = (fileStart.get(stmt.file) ?? 0) + stmt.end;
      const now = Date.now();
      if (now - lastSent > 150) {
        lastSent = now;
        onProgress({ phase: "analyzing", percent: 5 + Math.round((85 * doneChars) / totalChars), message: `Analysing ${stmt.file}`, statements });
      }
    },
    onProgress: (p) => {
      if (p.filesDone === p.filesTotal) analysedAt = performance.now();
      onProgress({ phase: "analyzing", percent: 5 + Math.round((85 * doneChars) / totalChars), message: `Analysed ${p.filesDone} of ${p.filesTotal} files`, statements });
    },
  };
  // Stage clocks: the analysis ends with its last file (the rewrite then works on its result).
  const started = performance.now();
  const parsedBefore = parserClock.ms;
  let analysedAt = started;
  // The rewrite runs the analysis itself; its result is the report's, so the inputs are parsed once.
  let rw: RewriteResult | undefined;
  let rewriteFailure: unknown;
  try {
    rw = await rewrite(files, { keyStrategy: opts.keyStrategy as KeyStrategy, targetDate: opts.targetDate, analyzeHooks: hooks });
  } catch (e) {
    // Input limits hit during the analysis are the input's fault, the same on every attempt.
    if (e instanceof InputError) throw new AssessmentError(e.message);
    rewriteFailure = e;
  }
  const rewritten = performance.now();
  const result = rw?.analysis ?? (await analyze(files, { targetDate: opts.targetDate, ...hooks }));
  if (!rw) analysedAt = performance.now();
  onProgress({ phase: "reporting", percent: 94, message: "Building the report and the migration plan", statements });
  const report = buildReport(result);
  const assessed = rw ? sectionsFrom(report, rw) : withRewriteError(report, rewriteFailure);
  const parse = parserClock.ms - parsedBefore;
  const timings = {
    parse: Math.round(parse),
    analyse: Math.round(analysedAt - started - parse),
    rewrite: Math.round(rw ? rewritten - analysedAt : 0),
    report: Math.round(performance.now() - Math.max(rewritten, analysedAt)),
  };
  return { ...assessed, timings };
}
