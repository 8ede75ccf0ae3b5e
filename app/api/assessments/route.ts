/**
 * POST /api/assessments: create an assessment from uploaded files (multipart), pasted SQL (JSON or
 * multipart field `sql`), an offline snapshot (multipart, kind=snapshot) or a live connection (JSON).
 * GET /api/assessments: list, with search, sort and paging.
 */
import { z } from "zod";
import { inputsFromBytes } from "@/lib/ingest/sources";
import { checkDatabase } from "@/lib/ingest/databases";
import { formatBytes } from "@/lib/ingest/input";
import { LATEST_CAPABILITY_DATE } from "@/lib/rules/core/capabilities";
import { createFromConnection, createFromInputs, type NewInput } from "@/lib/jobs/submit";
import { listAssessments, SORT_KEYS } from "@/lib/store/assessments";
import { connectionSchema, HttpError, json, MAX_UPLOAD, optionsSchema, readForm, readJson, route } from "../_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_FILES = 200;
// .gz holds a gzipped dump; .dump / .backup are pg_dump archives, accepted so the refusal can say how to turn them into SQL.
const ACCEPTED = /(\.(sql|psql|pgsql|txt|zip|gz|dump|backup)|^[^.]+)$/i;
const SNAPSHOT = /\.(json|json\.gz|zip|gz)$/i;

const liveConnectionSchema = connectionSchema.extend({ sampleSeconds: z.coerce.number().int().min(0).max(900).default(60) });

/** One database of a cluster dump (pg_dumpall), as the CLI's --database NAME. */
const databaseSchema = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

const jsonBody = optionsSchema
  .extend({
    sql: z.string().optional(),
    database: databaseSchema.optional(),
    connection: liveConnectionSchema.optional(),
  })
  .strict();

/** Options with their defaults, and who started the run (History shows it under "By"). */
function defaults(o: z.infer<typeof optionsSchema>, fallbackName: string, createdById: string) {
  return {
    name: o.name ?? fallbackName,
    targetDate: o.targetDate ?? LATEST_CAPABILITY_DATE,
    keyStrategy: o.keyStrategy ?? "keep",
    createdById,
  };
}

function checkSqlInputs(inputs: NewInput[], database?: string) {
  let total = 0;
  const files = [];
  for (const i of inputs) {
    total += i.bytes.length;
    if (total > MAX_UPLOAD) throw new HttpError(413, "too-large", `Upload exceeds the ${formatBytes(MAX_UPLOAD)} limit`);
    // Decode now so a binary, empty or mis-encoded file is refused with its name, before any job starts.
    files.push(...inputsFromBytes(i.name, i.bytes, { maxBytes: MAX_UPLOAD }));
  }
  if (database !== undefined) checkDatabase(files, database, (m) => new HttpError(400, "invalid-request", m), `database ${database}`);
}

function nameFrom(inputs: NewInput[]): string {
  const first = inputs[0]?.name.replace(/\.(sql|zip|psql|pgsql|txt)$/i, "") ?? "Assessment";
  return inputs.length > 1 ? `${first} + ${inputs.length - 1} more` : first;
}

export const POST = route(async (req, _params, user) => {
  const type = req.headers.get("content-type") ?? "";

  if (type.startsWith("application/json")) {
    const body = jsonBody.parse(await readJson(req));
    if (body.connection && body.sql !== undefined) throw new HttpError(400, "invalid-request", "Give either sql or connection, not both");
    if (body.connection && body.database !== undefined)
      throw new HttpError(400, "invalid-request", "database picks one database of a cluster dump; a connection names its database itself");
    if (body.connection) {
      const c = body.connection;
      const created = await createFromConnection(c, defaults(body, `${c.database} on ${c.host}`, user.id));
      return json({ id: created.id, status: "queued", url: `/assessments/${created.id}` }, 202);
    }
    if (!body.sql?.trim()) throw new HttpError(400, "empty-upload", "Nothing to assess: sql is empty");
    const inputs = [{ name: "pasted.sql", bytes: new TextEncoder().encode(body.sql) }];
    checkSqlInputs(inputs, body.database);
    const created = await createFromInputs("paste", inputs, { ...defaults(body, "Pasted SQL", user.id), database: body.database });
    return json({ id: created.id, status: "queued", url: `/assessments/${created.id}` }, 202);
  }

  if (!type.startsWith("multipart/form-data")) {
    throw new HttpError(415, "unsupported-media-type", "Send multipart/form-data (files) or application/json (sql or connection)");
  }
  const form = await readForm(req);
  const field = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" && v.trim() !== "" ? v : undefined;
  };
  const opts = optionsSchema.parse({ name: field("name"), targetDate: field("targetDate"), keyStrategy: field("keyStrategy") });
  const kind = z.enum(["upload", "snapshot"], { message: "kind must be upload or snapshot" }).parse(field("kind") ?? "upload");
  const database = z.object({ database: databaseSchema.optional() }).parse({ database: field("database") }).database;
  if (kind === "snapshot" && database !== undefined)
    throw new HttpError(400, "invalid-request", "database picks one database of a cluster dump; a snapshot holds one database already");
  const files = [...form.getAll("files"), ...form.getAll("file")].filter((f): f is File => typeof f !== "string");
  if (files.length > MAX_FILES) throw new HttpError(400, "too-many-files", `At most ${MAX_FILES} files per assessment; zip them instead`);
  const inputs: NewInput[] = [];
  for (const f of files) {
    const name = f.name || "upload.sql";
    if (kind === "upload" && !ACCEPTED.test(name))
      throw new HttpError(415, "unsupported-file-type", `${name}: not a .sql, .sql.gz or .zip file`);
    if (kind === "snapshot" && !SNAPSHOT.test(name))
      throw new HttpError(
        415,
        "unsupported-file-type",
        `${name}: a snapshot is the .json (or .json.gz/.zip) file the collector script writes`,
      );
    if (f.size > MAX_UPLOAD)
      throw new HttpError(413, "too-large", `${name} is ${formatBytes(f.size)}, over the ${formatBytes(MAX_UPLOAD)} limit`);
    inputs.push({ name, bytes: new Uint8Array(await f.arrayBuffer()) });
  }
  const sql = field("sql");
  if (sql) inputs.push({ name: "pasted.sql", bytes: new TextEncoder().encode(sql) });
  if (inputs.length === 0) throw new HttpError(400, "empty-upload", "Nothing to assess: add .sql or .zip files, or paste SQL");
  if (inputs.every((i) => i.bytes.length === 0))
    throw new HttpError(400, "empty-upload", "Nothing to assess: the uploaded files are empty");
  if (kind === "snapshot") {
    if (inputs.length !== 1) throw new HttpError(400, "invalid-request", "Upload exactly one snapshot file");
    const created = await createFromInputs("snapshot", inputs, defaults(opts, nameFrom(inputs), user.id));
    return json({ id: created.id, status: "queued", url: `/assessments/${created.id}` }, 202);
  }
  checkSqlInputs(inputs, database);
  const created = await createFromInputs(sql && files.length === 0 ? "paste" : "upload", inputs, {
    ...defaults(opts, sql && files.length === 0 ? "Pasted SQL" : nameFrom(inputs), user.id),
    database,
  });
  return json({ id: created.id, status: "queued", url: `/assessments/${created.id}` }, 202);
});

const listQuery = z.object({
  q: z.string().trim().max(200).optional(),
  sort: z.enum(SORT_KEYS as [string, ...string[]]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const GET = route(async (req) => {
  const u = new URL(req.url);
  const q = listQuery.parse(Object.fromEntries(u.searchParams));
  const r = await listAssessments({ ...q, sort: q.sort as never, q: q.q || undefined });
  return json({
    total: r.total,
    items: r.items.map((a) => ({
      id: a.id,
      name: a.name,
      source: { kind: a.sourceKind, label: a.sourceLabel },
      createdAt: a.createdAt,
      status: a.status,
      readiness: a.readinessScore === null ? null : { score: a.readinessScore, band: a.readinessBand },
      blockers: a.blockers,
      warnings: a.warnings,
      findings: a.findingsCount,
      url: `/assessments/${a.id}`,
    })),
  });
});
