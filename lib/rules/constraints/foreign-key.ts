import { CAPABILITIES } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "foreign-key",
  title: "Foreign key before DSQL supported them",
  severity: "blocker",
  category: "constraints",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.FOREIGN_KEYS,
  why: "Before 2026-08-26 DSQL rejected FOREIGN KEY / REFERENCES constraints; referential integrity had to be enforced by the application.",
  fix: "Target 2026-08-26 or later (native foreign keys), or drop the constraint and enforce the relationship in application code.",
  appliesUntil: CAPABILITIES.foreignKeys,
  catalogRows: [26],
  example: {
    bad: "CREATE TABLE rental (customer_id int REFERENCES customer (customer_id));",
    good: "CREATE TABLE rental (customer_id int); -- checked by the application",
  },
  kinds: ["CreateStmt", "AlterTableStmt"],
  checkStatement({ nodes, builder, stmt, report }) {
    for (const c of nodes("Constraint")) {
      if (c.contype !== "CONSTR_FOREIGN") continue;
      const rel = stmt.node.relation;
      const t = builder.qualify({ schema: rel?.schemaname, name: rel?.relname ?? "" });
      report({
        message:
          `foreign key ${c.conname ?? ""} referencing ${c.pktable?.relname} is not supported before ${CAPABILITIES.foreignKeys.since}`.replace(
            "  ",
            " ",
          ),
        location: c.location,
        object: { kind: "constraint", schema: t.schema, name: `${t.name}.${c.conname ?? c.pktable?.relname}` },
      });
    }
  },
});
