/**
 * Schema equivalence: the original inputs and the rewritten script are loaded into two databases of a
 * throwaway real PostgreSQL server, and their tables, columns, primary keys, unique keys and foreign
 * keys are compared by name and column list. A difference the rewrite meant (a partition merged into
 * its parent, a table left to manual work, a legacy key column) is listed with the rule behind it;
 * any other difference fails the verification, with the script statement that touched the object.
 * DSQL-only syntax is adapted for PostgreSQL: ASYNC is blanked and no job is waited for.
 */
import type { InputFile } from "../ingest/input";
import { parseFile } from "../ingest/parse";
import { psqlVariablesAsNames } from "../ingest/lex";
import { createRoles, validateOnPostgres, type SqlClient } from "./validate";
import type { RewriteResult } from "./types";
import { explainDifferences } from "./verify-explain";

export interface KeyShape {
  name: string;
  columns: string[];
  /** Foreign keys: `schema.table(col, …)` they reference. */
  references?: string;
}

export interface TableShape {
  columns: string[];
  primaryKey?: KeyShape;
  unique: KeyShape[];
  foreignKeys: KeyShape[];
}

export type SchemaShape = Map<string, TableShape>;

export interface SchemaDifference {
  /** `schema.table`, `schema.table.column` or `schema.table constraint-name`. */
  object: string;
  change:
    | "table missing"
    | "table added"
    | "column missing"
    | "column added"
    | "primary key missing"
    | "primary key added"
    | "primary key changed"
    | "unique key missing"
    | "unique key added"
    | "unique key changed"
    | "foreign key missing"
    | "foreign key added"
    | "foreign key changed";
  detail: string;
  /** Why the rewrite meant it (explained differences only). */
  rules?: string[];
  reason?: string;
  /** The first script statement on the object (unexplained differences). */
  statement?: { seq: number; line?: number; sql: string };
}

export interface StatementFailure {
  side: "original" | "rewritten";
  /** Script statement number (rewritten) or file:line (original). */
  where: string;
  object?: string;
  error: string;
  sql: string;
}

export interface VerifyResult {
  ok: boolean;
  server: string;
  tables: { original: number; rewritten: number };
  explained: SchemaDifference[];
  unexplained: SchemaDifference[];
  /** Statements of the rewritten script that failed to run (each fails the verification). */
  failures: StatementFailure[];
  /** Statements of the original inputs that failed to run on this server (reported, not failing). */
  originalFailures: StatementFailure[];
  /**
   * Script statements that failed with the very error their input statement fails with (a self-referencing
   * view pg_dump wrote, say): the inputs' fault, reported, not failing the verification.
   */
  failingInInputsToo?: StatementFailure[];
}

/** Statement kinds of the inputs that do not shape the schema, or cannot run inside one database session. */
const SKIPPED_ORIGINAL = new Set([
  "CreatedbStmt",
  "DropdbStmt",
  "AlterDatabaseStmt",
  "AlterDatabaseSetStmt",
  "InsertStmt",
  "UpdateStmt",
  "DeleteStmt",
  "CopyStmt",
  "MergeStmt",
  "TruncateStmt",
  "VacuumStmt",
  "TransactionStmt",
  "CreateTableSpaceStmt",
  "AlterSystemStmt",
  "CheckPointStmt",
]);

/** Statements sent in one round trip; a batch that fails is re-run one statement at a time. */
const BATCH = 200;

/** Runs the inputs (errors are recorded per statement; the dump's own SETs apply). */
export async function loadOriginal(client: SqlClient, inputs: InputFile[]): Promise<{ statements: number; failures: StatementFailure[] }> {
  const failures: StatementFailure[] = [];
  let statements = 0;
  for (const file of inputs) {
    const list: Array<{ text: string; line: number }> = [];
    parseFile(file, (item) => {
      const s = item.ok ? item.statement : undefined;
      // CREATE SCHEMA elements run as part of their whole original statement.
      if (!s || s.schemaElementOf || SKIPPED_ORIGINAL.has(s.kind) || (s.kind === "SelectStmt" && !/set_config/i.test(s.text))) return;
      const text = s.fullEnd ? file.text.slice(s.start, s.fullEnd) : s.text;
      // psql variables read as their names, as the analysis and the rewritten side read them.
      const sql = psqlVariablesAsNames(text);
      list.push({ text: /;\s*$/.test(sql) ? sql : `${sql};`, line: s.line });
    });
    statements += list.length;
    for (let i = 0; i < list.length; i += BATCH) {
      const batch = list.slice(i, i + BATCH);
      try {
        await client.query(batch.map((s) => s.text).join("\n"));
        continue;
      } catch {
        // Some statement failed and the batch rolled back: find which, one at a time.
      }
      for (const s of batch) {
        try {
          await client.query(s.text);
        } catch (e) {
          failures.push({ side: "original", where: `${file.path}:${s.line}`, error: (e as Error).message, sql: s.text.slice(0, 300) });
        }
      }
    }
    await client.query("RESET ALL");
  }
  return { statements, failures };
}

const SHAPE_SQL = `
SELECT n.nspname AS schema, c.relname AS table,
  (SELECT json_agg(a.attname ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
  (SELECT json_agg(json_build_object('type', k.contype, 'name', k.conname,
      'columns', (SELECT json_agg(a.attname ORDER BY x.ord) FROM unnest(k.conkey) WITH ORDINALITY x(num, ord) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.num),
      'references', CASE WHEN k.contype = 'f' THEN (SELECT rn.nspname || '.' || rc.relname || '(' || (SELECT string_agg(a.attname, ', ' ORDER BY x.ord) FROM unnest(k.confkey) WITH ORDINALITY x(num, ord) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = x.num) || ')'
        FROM pg_class rc JOIN pg_namespace rn ON rn.oid = rc.relnamespace WHERE rc.oid = k.confrelid) END)
    ORDER BY k.conname) FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype IN ('p', 'u', 'f')) AS keys
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'sys') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`;

interface ShapeRow {
  schema: string;
  table: string;
  columns: string[] | null;
  keys: Array<{ type: "p" | "u" | "f"; name: string; columns: string[] | null; references: string | null }> | null;
}

export async function readShape(client: SqlClient): Promise<SchemaShape> {
  const res = (await client.query(SHAPE_SQL)) as { rows: ShapeRow[] };
  const shape: SchemaShape = new Map();
  for (const r of res.rows) {
    const keys = r.keys ?? [];
    const key = (k: (typeof keys)[number]): KeyShape => ({
      name: k.name,
      columns: k.columns ?? [],
      ...(k.references ? { references: k.references } : {}),
    });
    const pk = keys.find((k) => k.type === "p");
    shape.set(`${r.schema}.${r.table}`, {
      columns: r.columns ?? [],
      ...(pk ? { primaryKey: key(pk) } : {}),
      unique: keys.filter((k) => k.type === "u").map(key),
      foreignKeys: keys.filter((k) => k.type === "f").map(key),
    });
  }
  return shape;
}

/** Every difference between the two shapes, unexplained (explanations are attached by `explain`). */
export function compareShapes(original: SchemaShape, rewritten: SchemaShape): SchemaDifference[] {
  const out: SchemaDifference[] = [];
  const cols = (k: KeyShape) => `(${k.columns.join(", ")})${k.references ? ` → ${k.references}` : ""}`;
  const keyDiffs = (t: string, kind: "unique key" | "foreign key", a: KeyShape[], b: KeyShape[]) => {
    const bByName = new Map(b.map((k) => [k.name, k]));
    const aNames = new Set(a.map((k) => k.name));
    for (const k of a) {
      const m = bByName.get(k.name);
      if (!m) out.push({ object: `${t} ${k.name}`, change: `${kind} missing`, detail: `${k.name} ${cols(k)}` });
      else if (cols(m) !== cols(k))
        out.push({ object: `${t} ${k.name}`, change: `${kind} changed`, detail: `${cols(k)} became ${cols(m)}` });
    }
    for (const k of b)
      if (!aNames.has(k.name)) out.push({ object: `${t} ${k.name}`, change: `${kind} added`, detail: `${k.name} ${cols(k)}` });
  };
  for (const [t, a] of original) {
    const b = rewritten.get(t);
    if (!b) {
      out.push({ object: t, change: "table missing", detail: `${a.columns.length} columns` });
      continue;
    }
    for (const c of a.columns) if (!b.columns.includes(c)) out.push({ object: `${t}.${c}`, change: "column missing", detail: c });
    for (const c of b.columns) if (!a.columns.includes(c)) out.push({ object: `${t}.${c}`, change: "column added", detail: c });
    if (a.primaryKey && !b.primaryKey)
      out.push({ object: t, change: "primary key missing", detail: `${a.primaryKey.name} ${cols(a.primaryKey)}` });
    else if (!a.primaryKey && b.primaryKey)
      out.push({ object: t, change: "primary key added", detail: `${b.primaryKey.name} ${cols(b.primaryKey)}` });
    else if (a.primaryKey && b.primaryKey && (a.primaryKey.name !== b.primaryKey.name || cols(a.primaryKey) !== cols(b.primaryKey)))
      out.push({
        object: t,
        change: "primary key changed",
        detail: `${a.primaryKey.name} ${cols(a.primaryKey)} became ${b.primaryKey.name} ${cols(b.primaryKey)}`,
      });
    keyDiffs(t, "unique key", a.unique, b.unique);
    keyDiffs(t, "foreign key", a.foreignKeys, b.foreignKeys);
  }
  for (const [t, b] of rewritten)
    if (!original.has(t)) out.push({ object: t, change: "table added", detail: `${b.columns.length} columns` });
  return out;
}

export interface VerifyTarget {
  /** Two empty databases on the same server. */
  original: SqlClient;
  rewritten: SqlClient;
  serverVersion: number;
}

export async function verifyRewrite(inputs: InputFile[], rw: RewriteResult, target: VerifyTarget): Promise<VerifyResult> {
  await createRoles(target.original, rw.roles);
  const orig = await loadOriginal(target.original, inputs);
  const run = await validateOnPostgres(target.rewritten, rw, target.serverVersion);
  const a = await readShape(target.original);
  const b = await readShape(target.rewritten);
  const { explained, unexplained } = explainDifferences(compareShapes(a, b), rw, orig.failures);
  const failed: StatementFailure[] = run.errors.map((e) => ({
    side: "rewritten",
    where: `#${e.seq}`,
    object: e.object,
    error: e.error,
    sql: e.sql,
  }));
  const inputErrors = new Set(orig.failures.map((f) => f.error));
  const inherited = failed.filter((f) => inputErrors.has(f.error));
  // Validating a constraint whose ADD failed that way fails in turn.
  const notAdded = new Set(inherited.flatMap((f) => [...f.sql.matchAll(/ADD CONSTRAINT "?([^"\s]+)"?/gi)].map((m) => m[1])));
  for (const f of failed) {
    const v = /VALIDATE CONSTRAINT "?([^"\s;]+)"?/i.exec(f.sql);
    if (v && notAdded.has(v[1]) && !inherited.includes(f)) inherited.push(f);
  }
  const failures = failed.filter((f) => !inherited.includes(f));
  return {
    ok: unexplained.length === 0 && failures.length === 0,
    server: run.server,
    tables: { original: a.size, rewritten: b.size },
    explained,
    unexplained,
    failures,
    originalFailures: orig.failures,
    ...(inherited.length ? { failingInInputsToo: inherited } : {}),
  };
}
