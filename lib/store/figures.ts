/**
 * The stored report without its heavy texts (rewritten SQL, diffs), but with what the headline figures
 * read from the rewrite: each object's status and rules. The Overview of a large schema loads this.
 */
import type { AssessmentReport } from "../report/contract";
import { figuresOf, type ReportFigures } from "../report/figures";
import { z } from "zod";
import { prisma } from "./prisma";

/** Assessment ids are UUIDs; anything else (a mistyped URL such as /assessments/new) is simply not found. */
export const isAssessmentId = (id: string) => z.uuid().safeParse(id).success;

export async function getFigureReport(id: string): Promise<AssessmentReport | undefined> {
  if (!isAssessmentId(id)) return undefined;
  const rows = await prisma().$queryRaw<Array<{ report: AssessmentReport | null; rewrites: unknown }>>`
    select ("report" - 'rewrites') as report,
           case when jsonb_typeof("report"->'rewrites') = 'array'
                then coalesce((select jsonb_agg(jsonb_build_object('status', e->'status', 'rules', e->'rules', 'object', e->'object')) from jsonb_array_elements("report"->'rewrites') e), '[]'::jsonb)
           end as rewrites
      from "AssessmentReport" where "assessmentId" = ${id}::uuid`;
  const row = rows[0];
  if (!row?.report) return undefined;
  return row.rewrites ? { ...row.report, rewrites: row.rewrites } : row.report;
}

export async function getFigures(id: string): Promise<ReportFigures | undefined> {
  const r = await getFigureReport(id);
  return r ? figuresOf(r) : undefined;
}
