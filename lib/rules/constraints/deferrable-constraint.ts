import type { AstNode } from "@/lib/ingest/parse";
import { constraintRef, tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const KIND: Record<string, string> = {
  CONSTR_PRIMARY: "primary key",
  CONSTR_UNIQUE: "unique constraint",
  CONSTR_CHECK: "check constraint",
  CONSTR_EXCLUSION: "exclusion constraint",
};

/** DEFERRABLE on anything but a foreign key. */
export default defineRule({
  id: "deferrable-constraint",
  title: "DEFERRABLE primary key, unique or check constraint",
  severity: "blocker",
  category: "constraints",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.CREATE_TABLE,
  why: "In DSQL the DEFERRABLE option applies to foreign keys only; primary keys, unique and check constraints are always checked immediately.",
  fix: "Remove DEFERRABLE / INITIALLY DEFERRED and reorder the writes that relied on a deferred check (e.g. swapping two unique values needs a temporary value).",
  catalogRows: [30],
  example: {
    bad: "CREATE TABLE seat (seat_no int, CONSTRAINT seat_no_key UNIQUE (seat_no) DEFERRABLE INITIALLY DEFERRED);",
    good: "CREATE TABLE seat (seat_no int, CONSTRAINT seat_no_key UNIQUE (seat_no));",
  },
  kinds: ["CreateStmt", "AlterTableStmt"],
  checkStatement({ stmt, nodes, builder, report }) {
    const n = stmt.node;
    if (stmt.kind === "AlterTableStmt" && n.objtype !== "OBJECT_TABLE") return;
    const t = tableRef(builder, n.relation);
    const flag = (c: AstNode, column?: string) =>
      report({
        message:
          `${KIND[c.contype]} ${c.conname ?? (column ? `on column ${column}` : "")} of ${t.schema}.${t.name} is DEFERRABLE; DSQL allows DEFERRABLE on foreign keys only`.replace(
            "  ",
            " ",
          ),
        location: c.location,
        object: constraintRef(t, c.conname ?? (column ? `${column} ${KIND[c.contype]}` : KIND[c.contype])),
      });
    // Table constraints carry the flag themselves.
    for (const c of nodes("Constraint")) if (c.deferrable && KIND[c.contype]) flag(c);
    // Column constraints are followed by a separate CONSTR_ATTR_DEFERRABLE marker.
    for (const cd of nodes("ColumnDef")) {
      const list: AstNode[] = (cd.constraints ?? []).map((x: AstNode) => x.Constraint).filter(Boolean);
      list.forEach((c, i) => {
        if (c.contype !== "CONSTR_ATTR_DEFERRABLE" || i === 0) return;
        const owner = list[i - 1];
        if (KIND[owner.contype] && !owner.deferrable) flag(owner, cd.colname);
      });
    }
  },
});
