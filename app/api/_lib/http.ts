/**
 * Route-handler plumbing: every error becomes a JSON body `{ error: { code, message, issues? } }`
 * with a 4xx status; only a genuine server fault is a 500 (and is logged).
 */
import { z, ZodError } from "zod";
import { InputError } from "../../../lib/ingest/input";
import { isValidDate } from "../../../lib/rules/capabilities";
import { KEY_STRATEGIES } from "../../../lib/store/assessments";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: unknown,
  ) {
    super(message);
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers } });
}

export function errorResponse(e: unknown): Response {
  if (e instanceof HttpError) return json({ error: { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) } }, e.status);
  if (e instanceof ZodError) {
    const issues = e.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return json({ error: { code: "invalid-request", message: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "), issues } }, 400);
  }
  if (e instanceof InputError) {
    const status = e.code === "too-large" ? 413 : 400;
    return json({ error: { code: `input-${e.code}`, message: e.message, file: e.file } }, status);
  }
  console.error("[api] unexpected error", e);
  return json({ error: { code: "internal", message: "Internal error; the server log has details" } }, 500);
}

type Ctx<P> = { params: Promise<P> };

export function route<P = Record<string, string>>(fn: (req: Request, params: P) => Promise<Response>) {
  return async (req: Request, ctx: Ctx<P>) => {
    try {
      return await fn(req, (await ctx?.params) ?? ({} as P));
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export const uuidParam = z.object({ id: z.uuid({ message: "not an assessment id" }) });

export function parseId(params: unknown): string {
  const r = uuidParam.safeParse(params);
  if (!r.success) throw new HttpError(404, "not-found", "No such assessment");
  return r.data.id;
}

export const targetDateSchema = z
  .string()
  .trim()
  .refine(isValidDate, { message: "must be a date in YYYY-MM-DD form" })
  .refine((d) => d >= "2025-05-27", { message: "must be on or after 2025-05-27 (DSQL general availability)" });

export const optionsSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
  targetDate: targetDateSchema.optional(),
  keyStrategy: z.enum(KEY_STRATEGIES).optional(),
});

export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) throw new HttpError(400, "empty-body", "Request body is empty; send a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid-json", "Request body is not valid JSON");
  }
}
