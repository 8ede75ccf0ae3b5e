/**
 * SQL building blocks of the remap scripts: psql scripts a DBA runs as they are. Batches are generated on
 * the server with \gexec (one statement, so one transaction, per batch under psql's autocommit), which keeps
 * the scripts free of DO blocks and procedural code. DSQL-only forms (`ASYNC`, `sys.wait_for_job`) appear
 * in one shape only, `<statement>\n\gset\nCALL sys.wait_for_job(:'job_id');`, the shape schema.dsql.sql uses.
 */
import { qualifiedIdent, quoteIdent, quoteLiteral } from "../rewrite/tokens";
import type { TableModel } from "../model/schema";

export const qt = (t: TableModel) => qualifiedIdent(t.schema, t.name);

/** Text safe inside a `$tag$…$tag$` format() template: `%` doubled. */
export const fmt = (s: string) => s.replace(/%/g, "%%");

/** An asynchronous DSQL job and its wait, as psql runs it. */
export function asyncJob(sql: string): string {
  return `${sql.replace(/;\s*$/, "")}\n\\gset\nCALL sys.wait_for_job(:'job_id');`;
}

export function relationExists(schema: string, name: string): string {
  return `EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ${quoteLiteral(schema)} AND c.relname = ${quoteLiteral(name)})`;
}

/** `pg_constraint` row of a table's named constraint, as a FROM/WHERE fragment. */
export function constraintOf(t: TableModel, name: string): string {
  return `pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ${quoteLiteral(t.schema)} AND c.relname = ${quoteLiteral(t.name)} AND k.conname = ${quoteLiteral(name)}`;
}

/** Row comparison over a key: `c.a >= %L` or `(c.a, c.b) >= (%L, %L)`. */
export function keyCompare(alias: string, cols: string[], op: ">=" | "<"): string {
  const l = cols.map((c) => `${alias}.${quoteIdent(c)}`);
  const r = cols.map(() => "%L");
  return cols.length === 1 ? `${l[0]} ${op} ${r[0]}` : `(${l.join(", ")}) ${op} (${r.join(", ")})`;
}

/**
 * A \gexec generator: over the rows `pendingFrom` yields (with the key columns `keyExprs`), cut batches of
 * `rows` rows in key order and print one statement per batch, `template` followed by the batch's key range.
 * Ranges are half-open [start, next start); the last one is open-ended.
 */
export function batchGenerator(o: {
  pendingFrom: string;
  keyExprs: string[];
  keyCols: string[];
  alias: string;
  rows: number;
  template: string;
}): string {
  const ks = o.keyExprs.map((_, i) => `k${i + 1}`);
  const nx = ks.map((k) => `next_${k}`);
  const order = ks.join(", ");
  return [
    "WITH pending AS (",
    `  SELECT ${o.keyExprs.map((e, i) => `${e} AS ${ks[i]}`).join(", ")}`,
    `  ${o.pendingFrom.replace(/\n/g, "\n  ")}`,
    "), numbered AS (",
    `  SELECT ${order}, row_number() OVER (ORDER BY ${order}) AS n FROM pending`,
    "), starts AS (",
    `  SELECT ${order}, ${ks.map((k, i) => `lead(${k}) OVER (ORDER BY ${order}) AS ${nx[i]}`).join(", ")}`,
    `  FROM numbered WHERE (n - 1) % ${o.rows} = 0`,
    ")",
    `SELECT format($batch$${fmt(o.template)} AND ${keyCompare(o.alias, o.keyCols, ">=")}$batch$, ${order})`,
    `    || CASE WHEN ${nx[0]} IS NULL THEN '' ELSE format($batch$ AND ${keyCompare(o.alias, o.keyCols, "<")}$batch$, ${nx.join(", ")}) END`,
    `FROM starts ORDER BY ${order}`,
    "\\gexec",
  ].join("\n");
}

/**
 * A \gexec generator for read-only checks chunked by fixed-width ranges of an integer key, so that the
 * source and DSQL produce the same chunks: one query per chunk; `{chunk}`, `{lo}` and `{hi}` in `select`
 * become the chunk number and its bounds. A table with no rows prints one `empty` line instead.
 */
export function chunkGenerator(o: { table: string; keyExpr: string; width: number; select: string; emptyLine: string }): string {
  return [
    `SELECT format($chunk$${fmt(o.select)
      .replace(/\{chunk\}/g, "%1$s")
      .replace(/\{lo\}/g, "%2$s")
      .replace(/\{hi\}/g, "%3$s")}$chunk$, b, b * ${o.width}, (b + 1) * ${o.width})`,
    `FROM generate_series((SELECT floor(min(${o.keyExpr}) / ${o.width}.0)::bigint FROM ${o.table}), (SELECT floor(max(${o.keyExpr}) / ${o.width}.0)::bigint FROM ${o.table})) AS b`,
    "\\gexec",
    `SELECT ${o.emptyLine} WHERE NOT EXISTS (SELECT 1 FROM ${o.table});`,
  ].join("\n");
}
