/**
 * Route-handler plumbing: every error becomes a JSON body `{ error: { code, message, issues? } }`
 * with a 4xx status; only a genuine server fault is a 500 (and is logged).
 */
import { z, ZodError } from "zod";
import { formatBytes, InputError } from "@/lib/ingest/input";
import { CAPABILITIES, isValidDate } from "@/lib/rules/core/capabilities";
import { RerunError } from "@/lib/jobs/submit";
import { KEY_STRATEGIES } from "@/lib/report/vocabulary";
import { ExportError } from "@/lib/review/export";
import { PdfUnavailableError } from "@/lib/report/pdf";
import { AuthError } from "@/lib/auth/accounts";
import type { AuthUser, Role } from "@/lib/auth/roles";
import { ConflictError, ReviewError } from "@/lib/review/findings";
import { AuthFailure, requireCaller } from "./auth";

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
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export function errorResponse(e: unknown): Response {
  if (e instanceof AuthFailure)
    return json(
      { error: { code: e.code, message: e.message } },
      e.status,
      e.status === 401 ? { "www-authenticate": 'Bearer realm="dsql-preflight"' } : {},
    );
  if (e instanceof ConflictError) return json({ error: { code: "conflict", message: e.message, current: e.current } }, 409);
  if (e instanceof ReviewError) return json({ error: { code: e.code, message: e.message } }, e.code === "not-found" ? 404 : 400);
  if (e instanceof AuthError) {
    const status =
      e.code === "rate-limited"
        ? 429
        : e.code === "invalid-credentials"
          ? 401
          : e.code === "not-found"
            ? 404
            : e.code === "exists" || e.code === "setup-done"
              ? 409
              : 400;
    return json(
      { error: { code: e.code, message: e.message } },
      status,
      e.retryAfterSeconds ? { "retry-after": String(e.retryAfterSeconds) } : {},
    );
  }
  if (e instanceof HttpError)
    return json({ error: { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) } }, e.status);
  if (e instanceof ZodError) {
    const issues = e.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return json(
      {
        error: { code: "invalid-request", message: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "), issues },
      },
      400,
    );
  }
  if (e instanceof ExportError) return json({ error: { code: e.code, message: e.message } }, e.code === "not-found" ? 404 : 409);
  if (e instanceof PdfUnavailableError) return json({ error: { code: "pdf-unavailable", message: e.message } }, 503);
  if (e instanceof RerunError) return json({ error: { code: "invalid-request", message: e.message } }, 400);
  if (e instanceof InputError) {
    const status = e.code === "too-large" ? 413 : 400;
    return json({ error: { code: `input-${e.code}`, message: e.message, file: e.file } }, status);
  }
  console.error("[api] unexpected error", e);
  return json({ error: { code: "internal", message: "Internal error; the server log has details" } }, 500);
}

type Ctx<P> = { params: Promise<P> };

export interface RouteOptions {
  /** No session needed (sign-in, first-run setup, invitation acceptance, share links). */
  public?: boolean;
  /** Minimum role; default viewer for reads, member for mutations. */
  role?: Role;
}

/**
 * Every API handler goes through here: the caller is authenticated (session cookie with a same-origin
 * check for mutations, or a personal API token) before `fn` runs, unless the route is marked public.
 */
export function route<P = Record<string, string>>(
  fn: (req: Request, params: P, user: AuthUser) => Promise<Response>,
  opts: RouteOptions = {},
) {
  return async (req: Request, ctx: Ctx<P>) => {
    try {
      const user = opts.public ? (undefined as unknown as AuthUser) : await requireCaller(req, opts.role);
      return await fn(req, (await ctx?.params) ?? ({} as P), user);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

/** A route without a session: sign-in, first-run setup, invitation acceptance, share links. */
export function publicRoute<P = Record<string, string>>(fn: (req: Request, params: P) => Promise<Response>) {
  return route<P>((req, params) => fn(req, params), { public: true });
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
  .refine((d) => d >= CAPABILITIES.generalAvailability.since, {
    message: `must be on or after ${CAPABILITIES.generalAvailability.since} (DSQL general availability)`,
  });

/** Upload limit per request and per file. */
export const MAX_UPLOAD = Number(process.env.UPLOAD_MAX_BYTES ?? 50 * 1024 * 1024);

/** A source connection as the connect form sends it; the password is used for the run, never stored. */
export const connectionSchema = z.object({
  host: z.string().trim().min(1, "must not be empty").max(255),
  port: z.coerce.number().int().min(1).max(65535).default(5432),
  database: z.string().trim().min(1, "must not be empty").max(63),
  user: z.string().trim().min(1, "must not be empty").max(63),
  password: z.string().max(1000).optional(),
  sslmode: z.enum(["disable", "prefer", "require", "verify-full"]).default("require"),
});

export const optionsSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
  targetDate: targetDateSchema.optional(),
  keyStrategy: z.enum(KEY_STRATEGIES).optional(),
});

/** Room over the upload limit for multipart framing and form fields (next.config.js lets the same through). */
const BODY_MAX = MAX_UPLOAD + 1024 * 1024;

/**
 * The whole request body, refused with 413 as soon as it passes the limit. A body sent without a
 * Content-Length (chunked) is counted as it arrives, so it gets the same answer as a declared one
 * instead of being read whole (or cut short in front of the route and reported as unreadable).
 */
export async function readBody(req: Request): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  const over = (size?: number) =>
    new HttpError(413, "too-large", `Upload is ${size ? `${formatBytes(size)}, ` : ""}over the ${formatBytes(MAX_UPLOAD)} limit`);
  if (declared >= BODY_MAX) throw over(declared);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total >= BODY_MAX) {
      await reader.cancel().catch(() => {});
      throw over();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

/** A multipart form read within the upload limit. */
export async function readForm(req: Request): Promise<FormData> {
  const body = await readBody(req);
  try {
    return await new Response(body, { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new HttpError(400, "invalid-form", "Could not read the multipart form data");
  }
}

export async function readJson(req: Request): Promise<unknown> {
  const text = new TextDecoder().decode(await readBody(req));
  if (!text.trim()) throw new HttpError(400, "empty-body", "Request body is empty; send a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid-json", "Request body is not valid JSON");
  }
}
