import { constraintRef, tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "exclusion-constraint",
  title: "Exclusion constraint",
  severity: "blocker",
  category: "constraints",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL does not support EXCLUDE constraints, and has no GiST indexes to back them.",
  fix: "Enforce the rule in the application (checking for overlaps inside the writing transaction, which DSQL's optimistic concurrency will retry), or turn it into a unique key on discretised values (e.g. one row per booked slot).",
  catalogRows: [27],
  example: {
    bad: "CREATE TABLE booking (room int, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&));",
    good: "CREATE TABLE booking_slot (room int, slot timestamptz, PRIMARY KEY (room, slot));",
  },
  kinds: ["CreateStmt", "AlterTableStmt"],
  checkStatement({ stmt, nodes, builder, report }) {
    const n = stmt.node;
    if (stmt.kind === "AlterTableStmt" && n.objtype !== "OBJECT_TABLE") return;
    for (const c of nodes("Constraint")) {
      if (c.contype !== "CONSTR_EXCLUSION") continue;
      const t = tableRef(builder, n.relation);
      report({
        message: `exclusion constraint ${c.conname ? `${c.conname} ` : ""}on ${t.schema}.${t.name} (USING ${c.access_method ?? "btree"}) is not supported on DSQL`,
        location: c.location,
        object: constraintRef(t, c.conname ?? "exclusion"),
      });
    }
  },
});
