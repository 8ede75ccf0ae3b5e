/**
 * Views. pg_dump breaks a circular dependency with a placeholder, `CREATE VIEW v AS SELECT NULL::integer
 * AS k, …`, replaced later by `CREATE OR REPLACE VIEW v AS …`. A replacement may not change a column's
 * type, so when the rewrite changes the column a placeholder column stands for (integer key → bigint
 * identity or uuid, a mapped type), the placeholder's cast follows it.
 */
import { indexNodes, strings } from "../../ingest/ast";
import { nodeOffset, type AstNode } from "../../ingest/parse";
import { key } from "../../model/schema";
import type { RuleId } from "../../rules/ids";
import type { Piece, Rewriter } from "../context";
import { tokenAt, tokenize, typeNameEnd } from "../tokens";

/** A view whose every column is `NULL::type AS name` and that reads no table. */
function placeholderColumns(node: AstNode): AstNode[] | undefined {
  const sel = node.query?.SelectStmt;
  if (!sel || sel.fromClause?.length || !sel.targetList?.length) return undefined;
  const targets: AstNode[] = sel.targetList.map((t: AstNode) => t.ResTarget);
  return targets.every((t) => t?.val?.TypeCast?.arg?.A_Const?.isnull) ? targets : undefined;
}

export function followReplacementTypes(rw: Rewriter, p: Piece): void {
  const targets = placeholderColumns(p.stmt.node);
  if (!targets) return;
  const view = key(rw.qualify(p.stmt, p.stmt.node.view));
  const after = rw.statements.indexOf(p.stmt);
  const replacement = rw.statements
    .slice(after + 1)
    .find((s) => s.kind === "ViewStmt" && s.node.replace && key(rw.qualify(s, s.node.view)) === view);
  const columns: AstNode[] = replacement?.node.query?.SelectStmt?.targetList ?? [];
  if (!replacement || !columns.length) return;
  // Relations the replacement reads, by alias and by name.
  const relations = new Map<string, string>();
  for (const rv of indexNodes(replacement.node.query.SelectStmt.fromClause ?? []).get("RangeVar") ?? []) {
    const k = key(rw.qualify(replacement, rv));
    relations.set(rv.alias?.aliasname ?? rv.relname, k);
    relations.set(rv.relname, k);
  }
  const distinct = new Set(relations.values());
  const toks = tokenize(p.sp.text);
  targets.forEach((t, i) => {
    const ref = columns[i]?.ResTarget?.val?.ColumnRef;
    if (!ref) return;
    const fields = strings(ref.fields);
    const column = fields.pop();
    const qualifier = fields.pop();
    const table = qualifier ? relations.get(qualifier) : distinct.size === 1 ? [...distinct][0] : undefined;
    if (!table || !column) return;
    const decision = rw.keyDecisions.get(`${table}.${column}`);
    const mapped = rw.changedColumns.get(`${table}.${column}`);
    const to = decision ? (decision.strategy === "uuid" ? "uuid" : "bigint") : mapped;
    if (!to) return;
    const rule: RuleId =
      decision?.rules[0] ?? rw.typeChanges.find((c) => c.table === table && c.column === column)?.rule ?? "unsupported-column-type";
    const cast = t.val.TypeCast.typeName;
    const k = tokenAt(toks, nodeOffset(p.stmt, cast.location) - p.stmt.start);
    if (!toks[k]) return;
    p.sp.replaceTokens(
      toks,
      k,
      typeNameEnd(toks, k),
      to,
      rule,
      `placeholder column ${t.name ?? column} follows ${table}.${column}, now ${to}, so the later CREATE OR REPLACE VIEW keeps its column types`,
    );
  });
}
