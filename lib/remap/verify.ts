/**
 * Verification scripts that print the same lines on the source and on DSQL when the migration is right:
 * per table and key range, the row count, the sums of integer/numeric columns and an md5 over every row's
 * values; per remapped column, the children whose old parent id has no parent with the new uuid. The
 * DSQL script reads `old_*` columns where the source has the original integer keys.
 */
import { quoteIdent, quoteLiteral } from "../rewrite/tokens";
import type { RewriteResult } from "../rewrite/types";
import { dsqlColumn, type RemapModel, type TableShape } from "./model";
import { chunkGenerator, qt } from "./sql";

export type Side = "source" | "dsql";

const EXACT = /^(int2|int4|int8|smallint|integer|int|bigint|numeric|decimal)$/;

/** Per column: the text both sides print for it, and whether it is summed. */
function columnExprs(s: TableShape, rw: RewriteResult, side: Side): { text: string[]; sums: string[] } {
  const text: string[] = [];
  const sums: string[] = [];
  for (const c of s.table.columns) {
    if (c.generated) continue;
    const tc = rw.typeChanges.find((x) => x.table === s.key && x.column === c.name);
    const src = `c.${quoteIdent(c.name)}`;
    const dsql = `c.${quoteIdent(dsqlColumn(s, c.name))}`;
    let e: string;
    if (side === "dsql") e = `${dsql}::text`;
    else if (tc?.to === "jsonb") e = `to_jsonb(${src})::text`;
    else if (tc) e = `(${src}::${tc.to})::text`;
    else e = `${src}::text`;
    text.push(`coalesce(${e}, '\\N')`);
    if (!tc && !c.type.arrayDims && EXACT.test(c.type.name)) sums.push(`coalesce(sum(${side === "dsql" ? dsql : src}), 0)`);
  }
  return { text, sums };
}

function keyOf(s: TableShape, side: Side): string[] {
  return side === "dsql" ? s.stableKey : s.sourceKey;
}

function tableSection(m: RemapModel, s: TableShape, rw: RewriteResult, side: Side): string {
  const { text, sums } = columnExprs(s, rw, side);
  const keys = keyOf(s, side).map((k) => `c.${quoteIdent(k)}`);
  const row = `concat_ws('|', ${text.join(", ")})`;
  const order = keys.length ? keys.join(", ") : row;
  const figures = ["count(*)", ...sums, `md5(coalesce(string_agg(${row}, E'\\n' ORDER BY ${order}), ''))`].join(", ");
  const label = quoteLiteral(s.key);
  const head = `-- ${s.key}: rows, ${sums.length ? `sums of ${sums.length} integer/numeric column(s), ` : ""}md5 of the rows${keys.length ? ` in key order` : ""}`;
  if (!s.integerLead || !keys.length) return [head, `SELECT ${label}, 'all', ${figures} FROM ${qt(s.table)} AS c;`].join("\n");
  return [
    head,
    chunkGenerator({
      table: qt(s.table),
      keyExpr: keys[0].replace(/^c\./, ""),
      width: m.verifyChunkRows,
      select: `SELECT ${label}, {chunk}, ${figures} FROM ${qt(s.table)} AS c WHERE ${keys[0]} >= {lo} AND ${keys[0]} < {hi}`,
      emptyLine: `${label}, 'empty', 0`,
    }),
  ].join("\n");
}

function orphanSection(m: RemapModel, side: Side): string[] {
  const out: string[] = [];
  for (const j of m.jobs) {
    const child = m.shapes.get(j.child)!;
    const parent = m.shapes.get(j.parent)!;
    const label = quoteLiteral(`${j.child}.${j.column}`);
    const cond =
      side === "source"
        ? `c.${quoteIdent(j.column)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${qt(parent.table)} AS p WHERE p.${quoteIdent(j.parentKey)} = c.${quoteIdent(j.column)})`
        : `c.${quoteIdent(j.oldColumn)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${qt(parent.table)} AS p WHERE p.${quoteIdent(j.parentKey)} = c.${quoteIdent(j.column)} AND p.${quoteIdent(j.parentOldKey)} = c.${quoteIdent(j.oldColumn)})`;
    const keys = keyOf(child, side).map((k) => `c.${quoteIdent(k)}`);
    out.push(
      `-- ${j.child}.${j.column} → ${j.parent}.${j.parentKey}: children whose old parent id has no parent${side === "dsql" ? " with the uuid they hold" : ""}`,
    );
    if (!child.integerLead || !keys.length)
      out.push(`SELECT ${label}, 'all', 'orphans', count(*) FROM ${qt(child.table)} AS c WHERE ${cond};`, "");
    else
      out.push(
        chunkGenerator({
          table: qt(child.table),
          keyExpr: keys[0].replace(/^c\./, ""),
          width: m.verifyChunkRows,
          select: `SELECT ${label}, {chunk}, 'orphans', count(*) FROM ${qt(child.table)} AS c WHERE ${keys[0]} >= {lo} AND ${keys[0]} < {hi} AND ${cond}`,
          emptyLine: `${label}, 'empty', 'orphans', 0`,
        }),
        "",
      );
  }
  return out;
}

export function verificationScript(m: RemapModel, rw: RewriteResult, side: Side): string {
  const out = [
    `-- Verification, ${side === "source" ? "SOURCE PostgreSQL" : "DSQL"} side. Run both and compare:`,
    '--   psql "$SOURCE_URL" -XAtq -f remap/40_verify_source.sql > verify_source.txt',
    '--   psql "$DSQL_URL" -XAtq -f remap/41_verify_dsql.sql > verify_dsql.txt',
    "--   diff verify_source.txt verify_dsql.txt        # no output when every figure matches",
    "-- Lines: table|chunk|rows|sums…|md5 and child.column|chunk|orphans|count (chunk = key range number).",
    "-- Read-only; one query per chunk keeps each under DSQL's 5-minute and 128 MiB query limits.",
    "SET TimeZone TO 'UTC';",
    "SET DateStyle TO 'ISO';",
    "",
  ];
  for (const s of [...m.shapes.values()].sort((a, b) => a.key.localeCompare(b.key))) out.push(tableSection(m, s, rw, side), "");
  out.push(...orphanSection(m, side));
  return out.join("\n");
}
