/**
 * DML found in the inputs (e.g. Chinook's INSERTs) leaves the schema script. Multi-row INSERT … VALUES
 * statements are split into transactions of at most 3,000 rows and well under 10 MiB each.
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

/** data.dsql.sql: the inputs' data statements, batched, one transaction each (psql autocommit). */
export function renderDataScript(rw: RewriteResult): string {
  const out = ["-- Data statements from the inputs, split into transactions of at most 3,000 rows.", "\\set ON_ERROR_STOP on", ""];
  for (const d of rw.data) {
    out.push(`-- ${d.source.file}:${d.source.line}${d.table ? ` ${d.table}` : ""}${d.note ? ` (${d.note})` : ""}`);
    for (const part of splitInsert(d.sql)) out.push(part.replace(/;?\s*$/, ";"), "");
  }
  return out.join("\n");
}
