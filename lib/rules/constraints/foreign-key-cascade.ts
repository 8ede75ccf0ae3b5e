import { constraintRef, tableRef } from "../core/ddl-helpers";
import { CAPABILITIES } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const ACTIONS: Record<string, string> = { c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

/** Referential actions that write child rows: they count toward the per-transaction row limit. */
export default defineRule({
  id: "foreign-key-cascade",
  title: "Foreign key with a cascading action",
  severity: "warning",
  category: "constraints",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.FOREIGN_KEYS,
  why: "DSQL supports ON DELETE/UPDATE CASCADE, SET NULL and SET DEFAULT, but every child row they touch counts toward the 3,000-row transaction limit, so deleting or re-keying a parent with many children fails (`transaction row limit exceeded`).",
  fix: "Where a parent can have many children, use NO ACTION/RESTRICT and delete or update children in batches of at most 3,000 first; keep cascades only where fan-out is small and bounded.",
  appliesFrom: CAPABILITIES.foreignKeys,
  catalogRows: [26],
  example: {
    bad: "ALTER TABLE rental ADD CONSTRAINT rental_customer_fk FOREIGN KEY (customer_id) REFERENCES customer ON DELETE CASCADE NOT VALID;",
    good: "ALTER TABLE rental ADD CONSTRAINT rental_customer_fk FOREIGN KEY (customer_id) REFERENCES customer ON DELETE RESTRICT NOT VALID;",
  },
  kinds: ["CreateStmt", "AlterTableStmt"],
  checkStatement({ stmt, nodes, builder, report }) {
    const n = stmt.node;
    if (stmt.kind === "AlterTableStmt" && n.objtype !== "OBJECT_TABLE") return;
    const t = tableRef(builder, n.relation);
    for (const c of nodes("Constraint")) {
      if (c.contype !== "CONSTR_FOREIGN") continue;
      const actions = [
        ACTIONS[c.fk_del_action] && `ON DELETE ${ACTIONS[c.fk_del_action]}`,
        ACTIONS[c.fk_upd_action] && `ON UPDATE ${ACTIONS[c.fk_upd_action]}`,
      ].filter(Boolean);
      if (actions.length === 0) continue;
      const parent = tableRef(builder, c.pktable);
      report({
        message: `foreign key ${c.conname ? `${c.conname} ` : ""}from ${t.name} to ${parent.name} uses ${actions.join(" and ")}; rows it changes in ${t.name} count toward DSQL's 3,000-row transaction limit`,
        location: c.location,
        object: constraintRef(t, c.conname ?? `fk to ${parent.name}`),
      });
    }
  },
});
