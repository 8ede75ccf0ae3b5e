/**
 * A cluster dump (pg_dumpall) holds several databases; a DSQL cluster has one, so each is its own migration.
 * GET /api/assessments/:id/databases — the databases the inputs hold and the assessment made for each so far.
 * POST — one assessment per database, on the stored inputs narrowed to it (asking again returns the same ones).
 */
import { assessEachDatabase, SplitError } from "@/lib/jobs/submit";
import { databaseAssessments, databaseOf, getAssessment, getReport } from "@/lib/store/assessments";
import { databasesOf } from "@/lib/report/sections";
import { HttpError, json, parseId, route } from "@/app/api/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The databases of the stored report's files (the heavy sections left in the database). */
async function reportDatabases(id: string): Promise<string[]> {
  const report = await getReport(id, ["findings", "rewrites", "plan"]);
  return report ? databasesOf(report) : [];
}

const view = (id: string, a: Array<{ database: string; id: string }>) => a.map((d) => ({ ...d, url: `/assessments/${d.id}`, of: id }));

export const GET = route(async (_req, params) => {
  const id = parseId(params);
  const a = await getAssessment(id);
  if (!a) throw new HttpError(404, "not-found", "No such assessment");
  return json({
    database: databaseOf(a) ?? null,
    databases: await reportDatabases(id),
    assessments: view(id, await databaseAssessments(id)),
  });
});

export const POST = route(async (_req, params, user) => {
  const id = parseId(params);
  const a = await getAssessment(id);
  if (!a) throw new HttpError(404, "not-found", "No such assessment");
  if (a.status !== "done") throw new HttpError(409, "not-ready", `Assessment is ${a.status}: its databases are known once it is done`);
  try {
    const r = await assessEachDatabase(id, await reportDatabases(id), user.id);
    return json({ assessments: view(id, r.assessments) }, r.created ? 202 : 200);
  } catch (e) {
    if (e instanceof SplitError) throw new HttpError(409, "cannot-split", e.message);
    throw e;
  }
});
