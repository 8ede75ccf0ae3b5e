import { displayType, typeName } from "@/lib/ingest/ast";
import { columnRef, tableCommands, tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "alter-column-type",
  title: "ALTER COLUMN … TYPE",
  severity: "blocker",
  category: "tables",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.ALTER_TABLE,
  why: "DSQL cannot change a column's type (`unsupported ALTER TABLE ALTER COLUMN ... SET DATA TYPE statement`), not even to a wider one.",
  fix: "Add a new column of the new type, backfill it in batches of at most 3,000 rows, switch the application, then drop the old column (DROP COLUMN since 2026-08-03) and rename. For a primary-key column, recreate the table.",
  catalogRows: [33],
  example: {
    bad: "ALTER TABLE payment ALTER COLUMN amount TYPE numeric(12,2);",
    good: "ALTER TABLE payment ADD COLUMN amount_new numeric(12,2);\n-- backfill in batches, switch readers, then\nALTER TABLE payment DROP COLUMN amount;\nALTER TABLE payment RENAME COLUMN amount_new TO amount;",
  },
  kinds: ["AlterTableStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    for (const cmd of tableCommands(n)) {
      if (cmd.subtype !== "AT_AlterColumnType") continue;
      const t = tableRef(builder, n.relation);
      const to = displayType(typeName(cmd.def?.ColumnDef?.typeName));
      report({
        message: `changing the type of ${t.schema}.${t.name}.${cmd.name} to ${to} is not supported; add a new column and backfill it`,
        location: cmd.def?.ColumnDef?.location ?? n.relation?.location,
        object: columnRef(t, cmd.name),
      });
    }
  },
});
