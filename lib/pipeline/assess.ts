/**
 * The one place an assessment is built from SQL files: analyse once → rewrite that analysis → plan →
 * report with its artefacts. The CLI (analyze, rewrite), the dashboard's worker (uploads.ts) and live
 * collection (live.ts) all come here, so they cannot drift apart.
 */
import { analyze, type AnalysisResult, type AnalyzeOptions } from "../analyze";
import { InputError, type InputFile } from "../ingest/input";
import { checkRewriteStatementCount } from "../ingest/limits";
import { parserClock, type ParsedStatement } from "../ingest/parse";
import type { CostEstimate } from "../cost/model";
import type { SchemaModel } from "../model/schema";
import type { MigrationPlan, PlanContext } from "../plan/plan";
import { buildReport, type AssessmentReport } from "../report/contract";
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

/** Runs on the rewrite before the plan is built (the CLI's --verify); its result joins the plan options. */
export type CheckRewrite = (rw: RewriteResult) => Promise<PlanContext>;

export interface Rewritten {
  rw: RewriteResult;
  plan: MigrationPlan;
}

/** Analyse the files once, keeping the parsed statements when a rewrite follows. */
export async function analyseFiles(
  files: InputFile[],
  opts: { targetDate: string; keepStatements: boolean; maxStatements?: number; hooks?: AnalyzeHooks },
): Promise<Analysed> {
  const statements: ParsedStatement[] = [];
  const onStatement = opts.hooks?.onStatement;
  const result = await analyze(files, {
    targetDate: opts.targetDate,
    maxStatements: opts.maxStatements,
    onProgress: opts.hooks?.onProgress,
    keepParserNames: opts.keepStatements,
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
export async function rewriteAnalysed(
  a: Analysed,
  opts: RewriteStageOptions,
  planContext: PlanContext = {},
  checkRewrite?: CheckRewrite,
): Promise<Rewritten> {
  // Loaded on first use: the CLI's analyze never rewrites, and starts faster without these modules.
  const [{ rewrite }, { buildPlan }] = await Promise.all([import("../rewrite/engine"), import("../plan/plan")]);
  const rw = await rewrite(a.files, { ...opts, analyzed: { analysis: a.result, statements: a.statements } });
  const checked = checkRewrite ? await checkRewrite(rw) : {};
  return { rw, plan: buildPlan(rw, { ...planContext, ...checked }) };
}

export interface AssessFilesOptions {
  targetDate: string;
  /** Refuse inputs with more statements than this (default: lib/ingest/limits.ts). */
  maxStatements?: number;
  /** Plan options (e.g. the remap batch size of the CLI's --remap-batch-rows). */
  plan?: PlanContext;
  checkRewrite?: CheckRewrite;
  /** The cost section for a workload the user entered, from the analysed model. */
  cost?: (model: SchemaModel) => CostEstimate;
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
  // A rewrite holds far more per statement than an analysis: its own limit, checked before any parsing.
  if (opts.rewrite) checkRewriteStatementCount(files);
  const started = performance.now();
  const parsedBefore = parserClock.ms;
  const a = await analyseFiles(files, {
    targetDate: opts.targetDate,
    keepStatements: opts.rewrite !== undefined,
    maxStatements: opts.maxStatements,
    hooks: opts.hooks,
  });
  const report = (): AssessmentReport => {
    const r = buildReport(a.result, opts.now);
    if (opts.cost) r.cost = opts.cost(a.result.model);
    return r;
  };
  const analysedAt = performance.now();
  if (!opts.rewrite) return { report: report(), artifacts: {}, analysis: a.result };
  let rewritten: Rewritten | undefined;
  let failure: unknown;
  try {
    rewritten = await rewriteAnalysed(a, opts.rewrite, opts.plan, opts.checkRewrite);
  } catch (e) {
    // Input limits hit during the analysis are the input's fault, the same on every attempt.
    if (opts.onRewriteError === "throw" || e instanceof InputError) throw e;
    failure = e;
  }
  // The rewrite is done with the parsed statements: their ASTs go before the report is built.
  a.statements.length = 0;
  const rewrittenAt = performance.now();
  opts.beforeReport?.();
  // Built after the rewrite, from the same analysis, as every caller did before.
  const assessed = rewritten ? withSections(report(), rewritten) : withRewriteError(report(), failure);
  const parse = parserClock.ms - parsedBefore;
  const timings = {
    parse: Math.round(parse),
    analyse: Math.round(analysedAt - started - parse),
    rewrite: Math.round(rewritten ? rewrittenAt - analysedAt : 0),
    report: Math.round(performance.now() - rewrittenAt),
  };
  return { ...assessed, timings, analysis: a.result, rewritten };
}
