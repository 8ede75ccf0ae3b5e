/** Adds the rewrite and plan sections to the JSON report (`rewrites[]`, `plan`) without touching its contract. */
import type { AssessmentReport } from "../report/contract";
import type { MigrationPlan } from "../plan/plan";
import type { RewriteResult } from "./types";

export function withRewrites(report: AssessmentReport, rw: RewriteResult, plan?: MigrationPlan): AssessmentReport {
  return {
    ...report,
    rewrites: rw.objects.map((o) => ({
      object: o.object,
      status: o.status,
      original: o.original,
      rewritten: o.rewritten,
      hunks: o.hunks.map((h) => ({
        oldStart: h.oldStart,
        oldLines: h.oldLines,
        newStart: h.newStart,
        newLines: h.newLines,
        lines: h.lines,
        rules: h.rules,
        reasons: h.reasons,
      })),
      rules: o.rules,
      notes: o.notes,
      validation: o.validation ?? null,
    })),
    rewriteSummary: {
      ...rw.stats,
      keyStrategy: rw.options.keyStrategy,
      manualItems: rw.manual.length,
      typeChanges: rw.typeChanges,
      keyChanges: rw.keyChanges,
      mergedPartitions: rw.mergedPartitions,
      ...(rw.cleanup ? { cleanup: rw.cleanup } : {}),
    },
    manualWorkItems: rw.manual,
    ...(plan ? { plan } : {}),
  };
}
