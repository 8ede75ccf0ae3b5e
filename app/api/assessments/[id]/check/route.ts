/**
 * POST /api/assessments/:id/check — check a person's own version of one rewritten object (viewers too:
 * nothing is stored). Body `{ object?: <index in the report's rewrites>, sql: "<DDL>" }` (no object: SQL
 * that belongs to none, such as a statement that did not parse, checked after all of them); the answer is the
 * findings inside that SQL, analysed among the other rewritten objects with the assessment's DSQL date.
 */
import { z } from "zod";
import { checkEditedObject, EditCheckError, MAX_EDIT_CHARS } from "@/lib/rewrite/check-edit";
import { rewritesOf } from "@/lib/report/sections";
import { getAssessment, getReport } from "@/lib/store/assessments";
import { HttpError, json, parseId, readJson, route } from "@/app/api/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const body = z
  .object({
    /** The object the edit replaces; absent for SQL that belongs to none (a statement that did not parse). */
    object: z.number().int().min(0).optional(),
    sql: z.string(),
  })
  .strict();

export const POST = route(
  async (req, params) => {
    const id = parseId(params);
    const { object, sql } = body.parse(await readJson(req));
    if (sql.length > MAX_EDIT_CHARS)
      throw new HttpError(
        413,
        "too-large",
        `The SQL is ${sql.length.toLocaleString("en")} characters; one object's SQL is limited to ${MAX_EDIT_CHARS.toLocaleString("en")}`,
      );
    const a = await getAssessment(id);
    if (!a) throw new HttpError(404, "not-found", "No such assessment");
    if (a.status !== "done") throw new HttpError(409, "not-ready", `The assessment is ${a.status}; check edits once its report is stored`);
    const report = await getReport(id);
    const rw = report ? rewritesOf(report) : undefined;
    if (!rw) throw new HttpError(409, "no-rewrite", "This assessment has no rewrite to check an edit against");
    try {
      return json({ check: await checkEditedObject(rw.objects, object, sql, a.targetDate) });
    } catch (e) {
      if (e instanceof EditCheckError) throw new HttpError(e.code === "no-object" ? 404 : 400, "invalid-edit", e.message);
      throw e;
    }
  },
  { role: "viewer" },
);
