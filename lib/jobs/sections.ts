/**
 * The rewrite and plan sections, added the way the CLI's `rewrite` command adds them (withRewrites),
 * plus files derived from the run (the DSQL script, the patch) kept beside the report. A rewrite that
 * fails leaves the assessment intact with a note instead of failing it.
 */
import type { InputFile } from "../ingest/input";
import { buildPlan } from "../plan/plan";
import { poolSteps } from "../workload/connection-plan";
import type { ConnectionAudit } from "../workload/connections";
import type { AssessmentReport } from "../report/contract";
import { wholePatch } from "../rewrite/diff";
import { rewrite } from "../rewrite/engine";
import { renderPsqlScript } from "../rewrite/render";
import { withRewrites } from "../rewrite/report";
import type { KeyStrategy, RewriteResult } from "../rewrite/types";

export interface SectionContext {
  files: InputFile[];
  keyStrategy: string;
  targetDate: string;
}

export interface Artifacts {
  /** psql script of the DSQL schema, in execution order, with waits for asynchronous jobs. */
  script?: string;
  /** Unified diff, original → DSQL, per object. */
  patch?: string;
}

/** Wall milliseconds per stage of one assessment (parse and analyse overlap in time; parse is the parser's share). */
export interface StageTimings {
  parse: number;
  analyse: number;
  rewrite: number;
  report: number;
}

export interface Assessed {
  report: AssessmentReport;
  artifacts: Artifacts;
  timings?: StageTimings;
}

/** The report with the rewrite and plan sections of a finished rewrite, and the derived files. */
export function sectionsFrom(report: AssessmentReport, rw: RewriteResult): Assessed {
  const plan = buildPlan(rw, { poolSteps: poolSteps(report.connections as ConnectionAudit | null | undefined) });
  return { report: withRewrites(report, rw, plan), artifacts: { script: renderPsqlScript(rw), patch: wholePatch(rw.objects) } };
}

export function withRewriteError(report: AssessmentReport, e: unknown): Assessed {
  return { report: { ...report, rewriteError: `The rewrite stage failed: ${(e as Error).message}` }, artifacts: {} };
}

/** Rewrite `ctx.files` and add the sections to a report built elsewhere (the live-source path). */
export async function addSections(report: AssessmentReport, ctx: SectionContext): Promise<Assessed> {
  if (ctx.files.length === 0) return { report, artifacts: {} };
  try {
    return sectionsFrom(report, await rewrite(ctx.files, { keyStrategy: ctx.keyStrategy as KeyStrategy, targetDate: ctx.targetDate }));
  } catch (e) {
    return withRewriteError(report, e);
  }
}
