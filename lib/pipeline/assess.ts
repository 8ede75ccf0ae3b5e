/**
 * The one place an assessment is built from SQL files: analyse once → rewrite that analysis → plan →
 * report with its artefacts. The CLI (analyze, rewrite), the dashboard's worker (uploads.ts) and live
 * collection (live.ts) all come here, so they cannot drift apart.
 */
import { analyze, type AnalysisResult, type AnalyzeOptions } from "../analyze";
import type { InputFile } from "../ingest/input";
import type { ParsedStatement } from "../ingest/parse";
import { buildPlan, type MigrationPlan } from "../plan/plan";
import { buildReport, type AssessmentReport } from "../report/contract";
import { rewrite } from "../rewrite/engine";
import type { KeyStrategy, RewriteResult } from "../rewrite/types";
import { withRewriteError, withSections, type Assessed } from "./artifacts";

export type AnalyzeHooks = Pick<AnalyzeOptions, "onStatement" | "onProgress">;

/** An analysis together with the parsed statements the rewrite works on. */
export interface Analysed {
  files: InputFile[];
  result: AnalysisResult;
  statements: ParsedStatement[];
}

export interface RewriteStageOptions {
  targetDate: string;
  keyStrategy: KeyStrategy;
  /** Per-table key strategies (`schema.table` → strategy), from the CLI's --config. */
  tableStrategies?: Record<string, KeyStrategy>;
}

export interface Rewritten {
  rw: RewriteResult;
  plan: MigrationPlan;
}

/** Analyse the files once, keeping the parsed statements when a rewrite follows. */
export async function analyseFiles(files: InputFile[], opts: { targetDate: string; keepStatements: boolean; hooks?: AnalyzeHooks }): Promise<Analysed> {
  const statements: ParsedStatement[] = [];
  const onStatement = opts.hooks?.onStatement;
  const result = await analyze(files, {
    targetDate: opts.targetDate,
    onProgress: opts.hooks?.onProgress,
    onStatement: opts.keepStatements
      ? (s) => {
          statements.push(s);
          onStatement?.(s);
        }
      : onStatement,
  });
  return { files, result, statements };
}

/** Rewrite an analysis (without analysing again) and plan the migration. */
export async function rewriteAnalysed(a: Analysed, opts: RewriteStageOptions): Promise<Rewritten> {
  const rw = await rewrite(a.files, { ...opts, analyzed: { analysis: a.result, statements: a.statements } });
  return { rw, plan: buildPlan(rw) };
}

export interface AssessFilesOptions {
  targetDate: string;
  /** Without a key strategy the run stops after the report (the CLI's analyze). */
  rewrite?: RewriteStageOptions;
  /** "throw" for the CLI's rewrite command; otherwise a failed rewrite leaves the report with a note. */
  onRewriteError?: "note" | "throw";
  hooks?: AnalyzeHooks;
  /** Called once the analysis and rewrite are done, before the report is put together (progress). */
  beforeReport?: () => void;
  now?: Date;
}

export interface FilesAssessment extends Assessed {
  analysis: AnalysisResult;
  rewritten?: Rewritten;
}

export async function assessFiles(files: InputFile[], opts: AssessFilesOptions): Promise<FilesAssessment> {
  const a = await analyseFiles(files, { targetDate: opts.targetDate, keepStatements: opts.rewrite !== undefined, hooks: opts.hooks });
  if (!opts.rewrite) return { report: buildReport(a.result, opts.now), artifacts: {}, analysis: a.result };
  let rewritten: Rewritten | undefined;
  let failure: unknown;
  try {
    rewritten = await rewriteAnalysed(a, opts.rewrite);
  } catch (e) {
    if (opts.onRewriteError === "throw") throw e;
    failure = e;
  }
  opts.beforeReport?.();
  // Built after the rewrite, from the same analysis, as every caller did before.
  const report: AssessmentReport = buildReport(a.result, opts.now);
  const assessed = rewritten ? withSections(report, rewritten) : withRewriteError(report, failure);
  return { ...assessed, analysis: a.result, rewritten };
}
