/** POST /api/assessments/:id/findings/:idx/comments { body } — add a comment (author and time recorded). */
import { z } from "zod";
import { addComment } from "@/lib/review/findings";
import { json, parseId, readJson, route } from "@/app/api/_lib/http";
import { parseIdx } from "@/app/api/_lib/review";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route<{ id: string; idx: string }>(async (req, params, user) => {
  const id = parseId(params);
  const idx = parseIdx(params);
  const b = z
    .object({ body: z.string().trim().min(1, "must not be empty").max(5000) })
    .strict()
    .parse(await readJson(req));
  return json(await addComment(id, idx, b.body, user.id), 201);
});
