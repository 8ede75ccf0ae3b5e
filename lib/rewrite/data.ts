/**
 * DML found in the inputs (e.g. Chinook's INSERTs) leaves the schema script. Multi-row INSERT … VALUES
 * statements and COPY … FROM stdin data are split into transactions of at most 3,000 rows and well
 * under 10 MiB each.
 */
import { listElements, tokenize } from "./tokens";
import type { RewriteResult } from "./types";

const MAX_ROWS = 3000;
const MAX_CHARS = 8 * 1024 * 1024;

export function splitInsert(sql: string, maxRows = MAX_ROWS, maxChars = MAX_CHARS): string[] {
  const toks = tokenize(sql);
  const v = toks.findIndex((t) => t.value === "VALUES" && t.depth === 0);
  if (v < 0) return [sql];
  const rows: Array<[number, number]> = [];
  let k = v + 1;
  while (toks[k]?.kind === "open" && toks[k].depth === 0) {
    const els = listElements(toks, k);
    void els;
    let c = k;
    const d = toks[k].depth;
    for (c = k + 1; c < toks.length; c++) if (toks[c].kind === "close" && toks[c].depth === d) break;
    rows.push([toks[k].start, toks[c].end]);
    k = c + 1;
    if (toks[k]?.kind === "comma" && toks[k].depth === 0) k++;
    else break;
  }
  if (rows.length <= maxRows && sql.length <= maxChars) return [sql];
  const head = sql.slice(0, toks[v].end);
  const tail = sql.slice(rows[rows.length - 1][1]).replace(/;\s*$/, "");
  const out: string[] = [];
  let batch: string[] = [];
  let size = 0;
  for (const [a, b] of rows) {
    const r = sql.slice(a, b);
    if (batch.length && (batch.length >= maxRows || size + r.length > maxChars)) {
      out.push(`${head}\n${batch.join(",\n")}${tail};`);
      batch = [];
      size = 0;
    }
    batch.push(r);
    size += r.length + 2;
  }
  if (batch.length) out.push(`${head}\n${batch.join(",\n")}${tail};`);
  return out;
}

/**
 * A COPY … FROM stdin with its data lines (one row each) as psql runs it: the statement, the rows, `\.`.
 * A COPY is one transaction, so more rows than DSQL allows become several COPYs of the same statement.
 */
export function splitCopy(sql: string, data: string, maxRows = MAX_ROWS, maxChars = MAX_CHARS): string[] {
  const head = sql.replace(/;?\s*$/, ";");
  if (data === "") return [`${head}\n\\.`];
  const lines = data.replace(/\r?\n$/, "").split("\n");
  const out: string[] = [];
  let batch: string[] = [];
  let size = 0;
  for (const l of lines) {
    if (batch.length && (batch.length >= maxRows || size + l.length > maxChars)) {
      out.push(`${head}\n${batch.join("\n")}\n\\.`);
      batch = [];
      size = 0;
    }
    batch.push(l);
    size += l.length + 1;
  }
  out.push(`${head}\n${batch.join("\n")}\n\\.`);
  return out;
}

/**
 * A dump's data in load order: foreign keys exist (NOT VALID, still enforced for new rows) before the load,
 * while pg_dump writes tables by name, so rows go parents first (`tableOrder`, the plan's load order).
 * Only a pure load is reordered: INSERT and COPY (and sequence positions, kept after them); data holding UPDATE,
 * DELETE or other statements keeps the inputs' order, which its meaning may depend on.
 */
export function loadOrdered(rw: RewriteResult, tableOrder: string[]): RewriteResult["data"] {
  const verb = (sql: string) => /^\s*(\w+)/.exec(sql)?.[1].toUpperCase() ?? "";
  if (!rw.data.every((d) => d.position || verb(d.sql) === "INSERT" || verb(d.sql) === "COPY")) return rw.data;
  const rank = new Map(tableOrder.map((t, i) => [t, i]));
  const of = (d: RewriteResult["data"][number]): number => {
    if (d.position) return tableOrder.length + 1;
    const t = d.table ? (rw.mergedPartitions[d.table] ?? d.table) : "";
    return rank.get(t) ?? tableOrder.length;
  };
  return rw.data
    .map((d, i) => ({ d, i, r: of(d) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.d);
}

/** data.dsql.sql: the inputs' data statements, batched, one transaction each (psql autocommit). */
export function renderDataScript(rw: RewriteResult, tableOrder?: string[]): string {
  const out = ["-- Data statements from the inputs, split into transactions of at most 3,000 rows.", "\\set ON_ERROR_STOP on", ""];
  if (tableOrder) out.splice(1, 0, "-- Tables load parents first: foreign keys are enforced for new rows.");
  for (const d of tableOrder ? loadOrdered(rw, tableOrder) : rw.data) {
    out.push(`-- ${d.source.file}:${d.source.line}${d.table ? ` ${d.table}` : ""}${d.note ? ` (${d.note})` : ""}`);
    const parts = d.copyData !== undefined ? splitCopy(d.sql, d.copyData) : splitInsert(d.sql).map((p) => p.replace(/;?\s*$/, ";"));
    for (const part of parts) out.push(part, "");
  }
  return out.join("\n");
}
