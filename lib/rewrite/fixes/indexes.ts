/**
 * Indexes: CREATE INDEX ASYNC, and the key options DSQL rejects (sort order, opclass, COLLATE, USING,
 * WITH, TABLESPACE, CONCURRENTLY, ON ONLY). Fixes: index-not-async, index-concurrently, index-sort-order,
 * index-opclass, index-collation, index-using-clause, index-options.
 */
import { indexNodes, strings } from "../../ingest/ast";
import { nodeOffset } from "../../ingest/parse";
import type { AstNode, ParsedStatement } from "../../ingest/parse";
import { key } from "../../model/schema";
import { listElements, matchingClose, tokenAt, tokenize } from "../tokens";
import type { Token } from "../tokens";
import { isKeyableType } from "../types-map";
import type { Rewriter, Piece } from "../context";
import { SUGGESTIONS } from "../suggestions";
import { referencesRemoved } from "./dependencies";

export function index(rw: Rewriter, stmt: ParsedStatement): Piece {
  const n = stmt.node;
  const t = rw.qualify(stmt, n.relation);
  const tk = key(t);
  const name = n.idxname ?? `${t.name}_idx`;
  const p = rw.piece(stmt, "indexes", { kind: "index", schema: t.schema, name });
  p.asyncJob = "index";
  if (rw.merged.has(tk)) {
    rw.droppedIndexes.add(name);
    return rw.drop(p, `index on partition ${t.name}: the merged table's own index covers it`, ["partitioned-table"]);
  }
  if (rw.isRemoved("table", t.schema, t.name) || rw.isRemoved("view", t.schema, t.name))
    return rw.drop(p, `${t.name} is not created on DSQL`, []);
  const method = String(n.accessMethod ?? "btree").toLowerCase();
  if (method !== "btree") {
    rw.markRemoved("index", t.schema, name, `index ${name}`);
    return rw.toManual(p, ["index-method"], `${method} index ${name} on ${t.name}`, SUGGESTIONS["index-method"]);
  }
  // Keys on columns whose type changed to one DSQL cannot index.
  const elems: AstNode[] = (n.indexParams ?? []).map((e: AstNode) => e.IndexElem);
  const tableModel = rw.model.tables.get(tk);
  for (const e of elems) {
    const col = e.name ? tableModel?.columns.find((c) => c.name === e.name) : undefined;
    if (col && !rw.changedColumns.has(`${tk}.${col.name}`) && !isKeyableType(col.type.name === "timetz" ? "timetz" : col.type.name)) {
      rw.markRemoved("index", t.schema, name, `index ${name}`);
      return rw.toManual(
        p,
        ["unsupported-key-type"],
        `index ${name} keys ${col.name} of type ${col.type.display}, which DSQL cannot index`,
        SUGGESTIONS["unsupported-key-type"],
      );
    }
  }
  for (const e of elems) {
    const cols = e.name ? [e.name] : (indexNodes(e.expr ?? {}).get("ColumnRef") ?? []).map((c) => strings(c.fields).pop());
    for (const c of cols) {
      const to = c ? rw.changedColumns.get(`${tk}.${c}`) : undefined;
      if (to && (!isKeyableType(to) || !e.name)) {
        rw.markRemoved("index", t.schema, name, `index ${name}`);
        return rw.toManual(p, ["unsupported-key-type"], `index ${name} keys ${c}, now ${to}`, SUGGESTIONS["unsupported-key-type"]);
      }
    }
  }
  const dep = referencesRemoved(rw, stmt.node);
  if (dep) {
    rw.markRemoved("index", t.schema, name, `index ${name}`);
    return rw.toManual(p, ["extension-function"], `index ${name} uses ${dep}`, SUGGESTIONS.dependency);
  }
  const toks = tokenize(stmt.text);
  if (!stmt.async) {
    const k = toks.findIndex((x) => x.value === "INDEX");
    if (k >= 0) p.sp.insert(toks[k].end, " ASYNC", "index-not-async", "DSQL builds indexes asynchronously; the script waits for the job");
  }
  const relTok = tokenAt(toks, nodeOffset(stmt, n.relation?.location) - stmt.start);
  for (let k = 0; k < relTok; k++) {
    if (toks[k].value === "CONCURRENTLY")
      p.sp.removeTokens(toks, k, k, "index-concurrently", "DSQL index builds never block writers: CONCURRENTLY is implied by ASYNC");
    if (toks[k].value === "ONLY" && toks[k - 1]?.value === "ON")
      p.sp.removeTokens(toks, k, k, "index-options", "ON ONLY is for partitioned tables, merged here");
  }
  let open = -1;
  for (let k = relTok; k < toks.length; k++) {
    if (toks[k].value === "USING" && toks[k].depth === 0 && open < 0) {
      p.sp.removeTokens(toks, k, k + 1, "index-using-clause", "DSQL rejects USING (B-tree is the only method)");
    }
    if (toks[k].kind === "open" && toks[k].depth === 0) {
      open = k;
      break;
    }
  }
  if (open >= 0) {
    const ranges = listElements(toks, open);
    elems.forEach((e, i) => {
      const r = ranges[i];
      if (!r || !e) return;
      indexElem(p, toks, r[0], r[1], e);
    });
    const close = matchingClose(toks, open);
    for (let k = close + 1; k < toks.length; k++) {
      if (toks[k].depth !== 0) continue;
      if (toks[k].value === "WITH" && toks[k + 1]?.kind === "open") {
        const e = matchingClose(toks, k + 1);
        p.sp.removeTokens(toks, k, e, "index-options", "index storage parameters are not available on DSQL");
        k = e;
      } else if (toks[k].value === "TABLESPACE") {
        p.sp.removeTokens(toks, k, k + 1, "tablespace", "DSQL has no tablespaces");
        k++;
      } else if (toks[k].value === "INCLUDE" && toks[k + 1]?.kind === "open") {
        const inc = listElements(toks, k + 1);
        for (const [a, b] of inc) {
          if (b > a) indexElem(p, toks, a, b, { name: toks[a].value.toLowerCase() });
        }
        k = matchingClose(toks, k + 1);
      } else if (toks[k].value === "WHERE") break;
    }
  }
  return p;
}

/** Remove ASC/DESC, operator class and COLLATE from one index key (IndexElem has no location). */
export function indexElem(p: Piece, toks: Token[], first: number, last: number, e: AstNode) {
  const d = toks[first].depth;
  let k = first;
  // Skip the column or the (expression) / function call.
  if (toks[k].kind === "open") k = matchingClose(toks, k);
  else {
    while (toks[k + 1]?.value === ".") k += 2;
    if (toks[k + 1]?.kind === "open") k = matchingClose(toks, k + 1);
  }
  for (let j = k + 1; j <= last; j++) {
    const t = toks[j];
    if (t.depth !== d) continue;
    if (t.value === "COLLATE") {
      let e2 = j + 1;
      while (toks[e2 + 1]?.value === ".") e2 += 2;
      p.sp.removeTokens(toks, j, e2, "index-collation", "DSQL indexes use the C collation");
      p.notes.push(`index ${p.object.name}: COLLATE removed from a key`);
      j = e2;
    } else if (t.value === "ASC" || t.value === "DESC") {
      p.sp.removeTokens(toks, j, j, "index-sort-order", "DSQL rejects a sort order on index keys; B-tree scans work in both directions");
      if (t.value === "DESC") p.notes.push(`index ${p.object.name}: DESC removed (B-tree is scanned backwards instead)`);
    } else if (t.value === "NULLS") {
      j++;
    } else if ((t.kind === "word" || t.kind === "qident") && e.opclass) {
      let e2 = j;
      while (toks[e2 + 1]?.value === ".") e2 += 2;
      if (toks[e2 + 1]?.kind === "open") e2 = matchingClose(toks, e2 + 1);
      p.sp.removeTokens(toks, j, e2, "index-opclass", "DSQL rejects operator classes on index keys");
      p.notes.push(
        `index ${p.object.name}: operator class ${p.sp.text.slice(t.start, toks[e2].end)} removed (pattern/ordering semantics may differ)`,
      );
      j = e2;
    }
  }
}
