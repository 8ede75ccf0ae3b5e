/**
 * Drops and cleanup: DROP statements (the target starts empty, so a DROP cancels an earlier CREATE of the
 * same object) and TRUNCATE as batched DELETE. Fixes: truncate.
 */
import { strings } from "../../ingest/ast";
import type { AstNode, ParsedStatement } from "../../ingest/parse";
import { key, primaryKey } from "../../model/schema";
import { qualifiedIdent, quoteIdent } from "../tokens";
import type { Rewriter, Piece } from "../context";

export function dropStmt(rw: Rewriter, stmt: ParsedStatement): Piece {
  const n = stmt.node;
  const type = String(n.removeType).replace("OBJECT_", "").toLowerCase();
  const p = rw.piece(stmt, "tables", { kind: type, name: "" });
  // DROP of an object created earlier in the inputs cancels that creation (the target starts empty).
  const kinds: Record<string, string[]> = {
    table: ["CreateStmt"],
    view: ["ViewStmt"],
    index: ["IndexStmt"],
    sequence: ["CreateSeqStmt"],
    function: ["CreateFunctionStmt"],
    type: ["CreateEnumStmt", "CompositeTypeStmt", "DefineStmt", "CreateRangeStmt"],
    domain: ["CreateDomainStmt"],
    materialized_view: ["CreateTableAsStmt"],
    trigger: ["CreateTrigStmt"],
    schema: ["CreateSchemaStmt"],
    aggregate: ["DefineStmt"],
    cast: ["CreateCastStmt"],
  };
  let names: string[] = (n.objects ?? []).map((o: AstNode) => {
    if (o.List) return strings(o.List.items).pop() ?? "";
    if (o.String) return o.String.sval;
    if (o.ObjectWithArgs) return strings(o.ObjectWithArgs.objname).pop() ?? "";
    if (o.TypeName) return strings(o.TypeName.names).pop() ?? "";
    return "";
  });
  p.object.name = names.join(", ");
  const targetKinds = kinds[type] ?? [];
  let cancelled = 0;
  if (type === "table") {
    // A table dropped later took its earlier names (RENAME TO) and everything done to it with it.
    const aliases = new Set(names);
    for (let i = rw.pieces.length - 1; i >= 0; i--) {
      const r = rw.pieces[i].stmt;
      if (r.kind === "RenameStmt" && r.node.renameType === "OBJECT_TABLE" && aliases.has(r.node.newname) && r.node.relation?.relname)
        aliases.add(r.node.relation.relname);
    }
    names = [...aliases];
    for (const prev of rw.pieces) {
      const rel =
        prev.stmt.kind === "IndexStmt" || prev.stmt.kind === "AlterTableStmt" || prev.stmt.kind === "RenameStmt"
          ? prev.stmt.node.relation?.relname
          : undefined;
      if (!rel || !aliases.has(rel) || prev.dropped) continue;
      prev.dropped = { reason: `its table is dropped later in the inputs (${stmt.file}:${stmt.line})`, rules: [] };
      prev.manual = undefined;
      prev.extra = [];
    }
  }
  for (const prev of rw.pieces) {
    if (!targetKinds.includes(prev.stmt.kind) || prev.dropped) continue;
    if (names.includes(prev.object.name) || names.includes(prev.object.name.split(".").pop() ?? "")) {
      if (type === "function" && prev.object.kind !== "function" && prev.object.kind !== "procedure") continue;
      prev.dropped = { reason: `dropped later in the inputs (${stmt.file}:${stmt.line})`, rules: [] };
      prev.manual = undefined;
      cancelled++;
    }
  }
  return rw.drop(
    p,
    cancelled ? "drops objects created earlier in the inputs: both are left out" : "the DSQL target starts empty: nothing to drop",
    [],
  );
}

export function truncate(rw: Rewriter, stmt: ParsedStatement): Piece {
  const rels = (stmt.node.relations ?? []).map((r: AstNode) => rw.qualify(stmt, r.RangeVar));
  const p = rw.piece(stmt, "data", { kind: "table", schema: rels[0]?.schema, name: rels[0]?.name ?? "" });
  const lines = rels.map((r: { schema: string; name: string }) => {
    const t = rw.model.tables.get(key(r));
    const pk = t ? primaryKey(t)?.columns : undefined;
    const target = qualifiedIdent(r.schema, r.name);
    if (pk?.length) {
      const cols = pk.map(quoteIdent).join(", ");
      return `DELETE FROM ${target} WHERE (${cols}) IN (SELECT ${cols} FROM ${target} LIMIT 3000); -- repeat until it deletes 0 rows`;
    }
    return `DELETE FROM ${target}; -- no primary key: split by a key range so each run deletes at most 3,000 rows`;
  });
  p.sp.replace(0, stmt.text.length, lines.join("\n"), "truncate", "DSQL has no TRUNCATE: delete in batches of at most 3,000 rows");
  p.data = { table: rels[0] ? key(rels[0]) : undefined, rows: 0, note: "TRUNCATE rewritten as batched DELETE" };
  return p;
}
