import { constValue } from "@/lib/ingest/ast";
import { columnRef, tableCommands, tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "set-statistics",
  title: "ALTER COLUMN … SET STATISTICS",
  severity: "blocker",
  category: "tables",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.ALTER_TABLE,
  why: "DSQL rejects per-column statistics targets at any value (`unsupported ALTER TABLE ALTER COLUMN ... SET STATISTICS statement`).",
  fix: "Remove the statement. Where the planner needs more than single-column statistics, use CREATE STATISTICS (since 2026-08-27, at most 5 per table).",
  catalogRows: [36],
  example: {
    bad: "ALTER TABLE rental ALTER COLUMN customer_id SET STATISTICS 1000;",
    good: "CREATE STATISTICS rental_customer_inventory (dependencies) ON customer_id, inventory_id FROM rental;",
  },
  kinds: ["AlterTableStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    for (const cmd of tableCommands(n)) {
      if (cmd.subtype !== "AT_SetStatistics") continue;
      const t = tableRef(builder, n.relation);
      const column = cmd.name ?? `#${cmd.num}`;
      report({
        message: `SET STATISTICS ${constValue(cmd.def) ?? ""} on ${t.schema}.${t.name}.${column} is not supported`.replace("  ", " "),
        location: n.relation?.location,
        object: columnRef(t, column),
      });
    }
  },
});
