/**
 * Optional report sections produced by other stages (rewrites, migration plan). Each is added when
 * its stage exists in this build; a stage that fails leaves a note instead of failing the assessment.
 */
import type { AnalysisResult } from "../analyze";
import type { InputFile } from "../ingest/input";
import type { AssessmentReport } from "../report/contract";

export interface SectionContext {
  result: AnalysisResult;
  files: InputFile[];
  keyStrategy: string;
  targetDate: string;
}

export async function addSections(report: AssessmentReport, ctx: SectionContext): Promise<void> {
  void report;
  void ctx;
}
