/**
 * POST /api/assessments/:id/rerun — the next run of an assessment. JSON { targetDate?, keyStrategy?, password? }
 * re-analyses the stored inputs (or, for a live source, collects afresh with `password`); multipart with
 * `files` analyses a new upload. Review states and comments carry over to findings that are still there.
 */
import { z } from "zod";
import { formatBytes } from "@/lib/ingest/input";
import { inputsFromBytes } from "@/lib/ingest/sources";
import { rerunAssessment, type NewInput } from "@/lib/jobs/submit";
import { KEY_STRATEGIES } from "@/lib/report/vocabulary";
import { getAssessment } from "@/lib/store/assessments";
import { HttpError, json, MAX_UPLOAD, parseId, readForm, readJson, route, targetDateSchema } from "@/app/api/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const opts = z
  .object({
    targetDate: targetDateSchema.optional(),
    keyStrategy: z.enum(KEY_STRATEGIES).optional(),
    password: z.string().max(1000).optional(),
  })
  .strict();

export const POST = route(async (req, params, user) => {
  const id = parseId(params);
  const a = await getAssessment(id);
  if (!a) throw new HttpError(404, "not-found", "No such assessment");
  const type = req.headers.get("content-type") ?? "";
  let o: z.infer<typeof opts> = {};
  const inputs: NewInput[] = [];
  if (type.startsWith("multipart/form-data")) {
    const form = await readForm(req);
    const field = (k: string) => {
      const v = form.get(k);
      return typeof v === "string" && v.trim() !== "" ? v : undefined;
    };
    o = opts.parse({ targetDate: field("targetDate"), keyStrategy: field("keyStrategy"), password: field("password") });
    let total = 0;
    for (const f of [...form.getAll("files"), ...form.getAll("file")].filter((x): x is File => typeof x !== "string")) {
      total += f.size;
      if (total > MAX_UPLOAD) throw new HttpError(413, "too-large", `Upload exceeds the ${formatBytes(MAX_UPLOAD)} limit`);
      const bytes = new Uint8Array(await f.arrayBuffer());
      if (a.sourceKind !== "snapshot") inputsFromBytes(f.name || "upload.sql", bytes, { maxBytes: MAX_UPLOAD });
      inputs.push({ name: f.name || "upload.sql", bytes });
    }
    if (inputs.length === 0)
      throw new HttpError(400, "empty-upload", "Nothing to assess: add files, or send JSON to re-run on the stored inputs");
  } else {
    const text = await req.text();
    o = opts.parse(text.trim() ? JSON.parse(text) : {});
  }
  const run = await rerunAssessment(id, {
    inputs: inputs.length ? inputs : undefined,
    targetDate: o.targetDate,
    keyStrategy: o.keyStrategy,
    password: o.password,
    createdById: user.id,
  });
  if (!run) throw new HttpError(404, "not-found", "No such assessment");
  return json({ id: run.id, run: run.runNumber, previousId: id, reason: run.reason, status: "queued", url: `/assessments/${run.id}` }, 202);
});
