/**
 * How an analysis job's result crosses from its thread to the code that stores it: the report and the
 * artefacts as UTF-8 JSON chunks (transferred, not copied) plus the few numbers stored as columns.
 * Posting the report object itself made a structured clone of hundreds of thousands of objects, and the
 * storing thread then held that copy, its JSON string and the finding columns all at once.
 */
import { carryEnteredWorkload } from "../cost/carried-workload";
import type { Assessed, StageTimings } from "../pipeline/artifacts";
import { jsonUtf8Chunks } from "../report/json-stream";

/** The assessment columns a stored report fills (the headline numbers lists and filters read). */
export interface Headline {
  readinessScore: number;
  readinessBand: string;
  blockers: number;
  warnings: number;
  advice: number;
  findingsCount: number;
}

export interface StoredAssessment {
  /** `JSON.stringify(report)` as UTF-8 chunks. */
  report: Uint8Array[];
  /** `JSON.stringify(artifacts)` as UTF-8 chunks. */
  artifacts: Uint8Array[];
  headline: Headline;
  timings?: StageTimings;
}

/**
 * The stored form of an assessment; `enteredWorkload` is the workload entered on the run a re-run
 * follows, kept as the cost section when this run measured none.
 */
export function toStoredForm({ report: reportIn, artifacts, timings }: Assessed, enteredWorkload?: unknown): StoredAssessment {
  const report = carryEnteredWorkload(reportIn, enteredWorkload);
  const s = report.summary;
  return {
    report: jsonUtf8Chunks(report),
    artifacts: jsonUtf8Chunks(artifacts),
    headline: {
      readinessScore: s.readiness.score,
      readinessBand: s.readiness.band,
      blockers: s.bySeverity.blocker,
      warnings: s.bySeverity.warning,
      advice: s.bySeverity.advice,
      findingsCount: s.findings,
    },
    timings,
  };
}

/** The chunks' buffers, for postMessage's transfer list. */
export function transferList(s: StoredAssessment): ArrayBuffer[] {
  return [...s.report, ...s.artifacts].map((c) => c.buffer as ArrayBuffer);
}
