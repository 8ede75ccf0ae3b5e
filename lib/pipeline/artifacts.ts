/**
 * The rewrite and plan sections of a report (withRewrites), and the files derived from the run (the
 * DSQL script, the patch) kept beside it. A rewrite that fails leaves the assessment intact with a note
 * instead of failing it.
 */
import { describeDatabases, SeveralDatabasesError } from "../ingest/databases";
import type { AssessmentReport } from "../report/contract";
import { wholePatch } from "../rewrite/diff";
import { renderPsqlScript } from "../rewrite/render";
import { withRewrites } from "../rewrite/report";
import type { Rewritten } from "./assess";

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
export function withSections(report: AssessmentReport, { rw, plan }: Rewritten): Assessed {
  return { report: withRewrites(report, rw, plan), artifacts: { script: renderPsqlScript(rw), patch: wholePatch(rw.objects) } };
}

export function withRewriteError(report: AssessmentReport, e: unknown): Assessed {
  // Several databases in one upload is a refusal with a way forward, not a failure.
  const rewriteError =
    e instanceof SeveralDatabasesError
      ? `${e.file} holds ${e.databases.length} databases (${describeDatabases(e.databases)}). A DSQL cluster has one database, so each is its own migration, rewritten on its own: assess each database separately (one assessment per database, on these same inputs), or run the CLI's rewrite, which writes one folder per database.`
      : `The rewrite stage failed: ${(e as Error).message}`;
  return { report: { ...report, rewriteError }, artifacts: {} };
}
