/**
 * Tables: CREATE TABLE clauses DSQL rejects (UNLOGGED, INHERITS, PARTITION BY, WITH, USING, TABLESPACE),
 * partitions merged into their parent, inherited columns copied, table constraints that cannot stay.
 * Fixes: unlogged-table, table-inheritance, partitioned-table, storage-parameters, tablespace, exclusion-constraint.
 */
import { indexNodes, notEnforced, strings } from "../../ingest/ast";
import { nodeOffset } from "../../ingest/parse";
import type { AstNode, ParsedStatement } from "../../ingest/parse";
import { key, primaryKey } from "../../model/schema";
import type { ColumnModel, TableModel } from "../../model/schema";
import { listElements, matchingClose, quoteIdent, tokenAt, tokenize } from "../tokens";
import type { Token } from "../tokens";
import { mapColumnType } from "../types-map";
import type { Rewriter, Piece } from "../context";
import { SUGGESTIONS } from "../suggestions";
import { dropUnenforced, rewriteColumn } from "./columns";
import { constraintCleanup } from "./constraints";
import { remappedColumns } from "./keys";

export function findMergedTables(rw: Rewriter) {
  for (const t of rw.model.tables.values()) {
    if (t.partitionOf) {
      // Walk up to the top-level partitioned table (sub-partitions merge too).
      let parent = t.partitionOf;
      for (let i = 0; i < 10; i++) {
        const p = rw.model.tables.get(key(parent));
        if (!p?.partitionOf) break;
        parent = p.partitionOf;
      }
      rw.merged.set(key(t), key(parent));
    }
    if (t.inherits.length) rw.inherits.set(key(t), t.inherits.map(key));
  }
}

export function createTable(rw: Rewriter, stmt: ParsedStatement): Piece {
  const n = stmt.node;
  const q = rw.qualify(stmt, n.relation);
  const tk = key(q);
  const p = rw.piece(stmt, "tables", { kind: "table", schema: q.schema, name: q.name });
  if (rw.merged.has(tk)) {
    rw.markRemoved("table", q.schema, q.name, `partition ${q.name} (merged into ${rw.merged.get(tk)})`);
    return rw.drop(p, `partition merged into ${rw.merged.get(tk)}: its rows load into the parent`, ["partitioned-table"]);
  }
  if (n.relation?.relpersistence === "t") {
    rw.markRemoved("table", q.schema, q.name, `temporary table ${q.name}`);
    return rw.toManual(p, ["temporary-table"], `temporary table ${q.name}`, SUGGESTIONS["temporary-table"]);
  }
  const text = stmt.text;
  const toks = tokenize(text);
  const relTok = tokenAt(toks, nodeOffset(stmt, n.relation?.location) - stmt.start);
  // UNLOGGED sits between CREATE and TABLE.
  for (let k = 0; k < relTok; k++) {
    if (toks[k].value === "UNLOGGED") p.sp.removeTokens(toks, k, k, "unlogged-table", "DSQL tables are always durable");
  }
  let open = -1;
  for (let k = relTok; k < toks.length; k++) {
    if (toks[k].kind === "open" && toks[k].depth === 0) {
      open = k;
      break;
    }
    if (toks[k].value === "PARTITION" || toks[k].value === "OF" || toks[k].value === "AS") break;
  }
  const elems = open >= 0 ? listElements(toks, open) : [];
  const close = open >= 0 ? matchingClose(toks, open) : relTok;
  const tableElts: AstNode[] = n.tableElts ?? [];
  // Inherited columns first (flattening INHERITS copies the parent's columns into the child).
  const parents = rw.inherits.get(tk);
  if (parents?.length && open >= 0) {
    const copied: string[] = [];
    const own = new Set(tableElts.map((e) => e.ColumnDef?.colname).filter(Boolean));
    for (const pk of parents) {
      const parent = rw.model.tables.get(pk);
      for (const c of parent?.columns ?? []) {
        if (own.has(c.name)) continue;
        own.add(c.name);
        copied.push(`${quoteIdent(c.name)} ${columnTypeText(rw, parent!, c)}${c.notNull ? " NOT NULL" : ""}`);
      }
    }
    if (copied.length)
      p.sp.insert(
        toks[open].end,
        `\n    ${copied.join(",\n    ")}${elems.length ? "," : ""}`,
        "table-inheritance",
        "INHERITS flattened: the parent's columns are copied into the child",
      );
  }
  // PostgreSQL 18's table-level `NOT NULL col` becomes NOT NULL on the column (PostgreSQL 16 has only the column form).
  const notNullOf = new Set(
    tableElts.flatMap((el) =>
      el.Constraint?.contype === "CONSTR_NOTNULL" && !el.Constraint.skip_validation ? strings(el.Constraint.keys) : [],
    ),
  );
  tableElts.forEach((el, i) => {
    const range = elems[i];
    if (!range) return;
    if (el.ColumnDef) {
      rewriteColumn(rw, stmt, p.sp, toks, range[0], range[1], el.ColumnDef, tk, p);
      const declared = (el.ColumnDef.constraints ?? []).some((c: AstNode) => c.Constraint?.contype === "CONSTR_NOTNULL");
      if (notNullOf.has(el.ColumnDef.colname) && !declared)
        p.sp.insert(
          toks[range[1]].end,
          " NOT NULL",
          "newer-postgres-feature",
          "the table-level NOT NULL constraint, written on its column",
        );
    } else if (el.Constraint) tableConstraint(rw, stmt, p, toks, range[0], range[1], el.Constraint, tk);
  });
  // Folded ALTER TABLE … ADD CONSTRAINT / ADD COLUMN.
  for (const f of rw.folds.get(tk) ?? []) {
    const lastElem = elems.length ? toks[elems[elems.length - 1][1]].end : (toks[open]?.end ?? toks[close].start);
    p.sp.insert(lastElem, `${elems.length || rw.folds.get(tk)![0] !== f ? "," : ""}\n    ${f.text}`, f.rule, f.reason);
  }
  // Clauses after the element list.
  for (let k = close + 1; k < toks.length; k++) {
    const t = toks[k];
    if (t.depth !== 0) continue;
    if (t.value === "INHERITS" && toks[k + 1]?.kind === "open") {
      const e = matchingClose(toks, k + 1);
      p.sp.removeTokens(toks, k, e, "table-inheritance", "INHERITS flattened into the child's own columns");
      k = e;
    } else if (t.value === "PARTITION" && toks[k + 1]?.value === "BY") {
      let e = k + 2;
      while (e < toks.length && !(toks[e].kind === "open" && toks[e].depth === 0)) e++;
      e = matchingClose(toks, e);
      p.sp.removeTokens(toks, k, e, "partitioned-table", "partitions merged into one table; DSQL distributes rows by primary key");
      k = e;
    } else if (t.value === "USING" && toks[k + 1]?.kind === "word") {
      p.sp.removeTokens(toks, k, k + 1, "storage-parameters", "table access methods are not available on DSQL");
      k++;
    } else if (t.value === "WITH" && toks[k + 1]?.kind === "open") {
      const e = matchingClose(toks, k + 1);
      p.sp.removeTokens(toks, k, e, "storage-parameters", "storage parameters are not available on DSQL");
      k = e;
    } else if (t.value === "WITHOUT" && toks[k + 1]?.value === "OIDS") {
      p.sp.removeTokens(toks, k, k + 1, "storage-parameters", "WITHOUT OIDS is the default");
      k++;
    } else if (t.value === "TABLESPACE") {
      p.sp.removeTokens(toks, k, k + 1, "tablespace", "DSQL has no tablespaces");
      k++;
    }
  }
  if (n.partspec) {
    const pk = rw.model.tables.get(tk);
    const pkc = pk ? primaryKey(pk) : undefined;
    p.notes.push(
      `partitioned table merged: partitions' rows load here${pkc ? `; primary key (${pkc.columns.join(", ")}) keeps the partition key` : ""}`,
    );
  }
  return p;
}

/** Type text for a column copied from a parent (INHERITS), with the same mappings. */
export function columnTypeText(rw: Rewriter, t: TableModel, c: ColumnModel): string {
  const d = rw.keyDecisions.get(`${key(t)}.${c.name}`);
  if (d) return d.type;
  if (c.serial) return "bigint";
  const m = mapColumnType(c.type, rw.model, t.schema);
  return m ? m.to : c.type.display;
}

export function tableConstraint(
  rw: Rewriter,
  stmt: ParsedStatement,
  p: Piece,
  toks: Token[],
  first: number,
  last: number,
  con: AstNode,
  tk: string,
) {
  if (notEnforced(con) || (con.contype === "CONSTR_NOTNULL" && con.keys?.length)) {
    const start = toks[first - 1]?.kind === "comma" ? first - 1 : first;
    const end = start === first && toks[last + 1]?.kind === "comma" ? last + 1 : last;
    if (con.contype === "CONSTR_NOTNULL")
      p.sp.removeTokens(toks, start, end, "newer-postgres-feature", "table-level NOT NULL constraint: written on its column instead");
    else dropUnenforced(p.sp, toks, first, last, p.notes, start, end);
  } else if (con.contype === "CONSTR_PRIMARY" || con.contype === "CONSTR_UNIQUE") constraintCleanup(p.sp, toks, first, last);
  else if (con.contype === "CONSTR_EXCLUSION") {
    const start = toks[first - 1]?.kind === "comma" ? first - 1 : first;
    const end = start === first && toks[last + 1]?.kind === "comma" ? last + 1 : last;
    p.sp.removeTokens(toks, start, end, "exclusion-constraint", "DSQL has no exclusion constraints");
    rw.manual.push({
      object: { kind: "constraint", schema: p.object.schema, name: `${p.object.name}.${con.conname ?? "exclude"}` },
      ruleIds: ["exclusion-constraint"],
      reason: "exclusion constraint removed from the table",
      suggestion: SUGGESTIONS["exclusion-constraint"],
      original: p.sp.text.slice(toks[first].start, toks[last].end),
      file: stmt.file,
      line: stmt.line,
    });
  } else if (con.contype === "CONSTR_CHECK") {
    const cols = (indexNodes(con).get("ColumnRef") ?? []).map((c) => strings(c.fields).pop());
    const hit = cols.find((c) => c && rw.changedColumns.has(`${tk}.${c}`));
    if (hit) {
      const start = toks[first - 1]?.kind === "comma" ? first - 1 : first;
      p.sp.removeTokens(
        toks,
        start,
        last,
        rw.typeChanges.find((x) => x.table === tk && x.column === hit)?.rule ?? "array-column",
        `CHECK dropped: it reads ${hit}, whose type changed`,
      );
      p.notes.push(`CHECK ${con.conname ?? ""} removed: ${hit} changed type; re-create it for the new type if still needed`);
    }
  } else if (con.contype === "CONSTR_FOREIGN") {
    const start = toks[first - 1]?.kind === "comma" ? first - 1 : first;
    const ref = rw.tableKeyOfRangeVar(stmt, con.pktable);
    const remapped = remappedColumns(rw, tk, strings(con.fk_attrs));
    if (rw.isRemoved("table", ref.schema, ref.name)) {
      p.sp.removeTokens(toks, start, last, "foreign-key", `foreign key to ${ref.name}, which is not created on DSQL`);
      p.notes.push(`foreign key to ${ref.name} removed (that table is a manual item)`);
    } else if (remapped.length) {
      p.sp.removeTokens(
        toks,
        start,
        last,
        "serial-type",
        `foreign key on ${remapped.join(", ")} added by remap/30_foreign_keys.sql once the key remap has filled the uuid column`,
      );
      p.notes.push(`foreign key ${con.conname ?? ""} on ${remapped.join(", ")}: added after the key remap (remap/30_foreign_keys.sql)`);
    }
  }
}

/**
 * A data statement (INSERT, COPY) into a partition that was merged into its parent: the partition does not
 * exist on DSQL, so the statement is pointed at the parent (as pg_dump --load-via-partition-root writes it).
 */
export function dataIntoParent(rw: Rewriter, stmt: ParsedStatement, p: Piece, relation: AstNode, partition: string): void {
  const parent = rw.model.tables.get(rw.merged.get(partition)!);
  if (!parent) return;
  const toks = tokenize(stmt.text);
  const first = tokenAt(toks, nodeOffset(stmt, relation.location) - stmt.start);
  let last = first;
  while (toks[last + 1]?.value === "." && (toks[last + 2]?.kind === "word" || toks[last + 2]?.kind === "qident")) last += 2;
  if (!toks[first]) return;
  const name = `${quoteIdent(parent.schema)}.${quoteIdent(parent.name)}`;
  p.sp.replaceTokens(
    toks,
    first,
    last,
    name,
    "partitioned-table",
    `partition ${partition} merged into ${key(parent)}: its rows load there`,
  );
}
