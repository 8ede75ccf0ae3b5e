import { rangeVar } from "@/lib/ingest/ast";
import { columnRef, primaryKeyColumns, tableCommands, tableRef } from "../core/ddl-helpers";
import { CAPABILITIES } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** DROP COLUMN before 2026-08-03. Primary-key columns are never droppable: primary-key-change reports those. */
export default defineRule({
  id: "drop-column",
  title: "DROP COLUMN before DSQL supported it",
  severity: "blocker",
  category: "tables",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.ALTER_TABLE,
  why: "Before 2026-08-03 DSQL rejected `ALTER TABLE … DROP COLUMN` (`unsupported ALTER TABLE DROP COLUMN statement`).",
  fix: "Target 2026-08-03 or later, or recreate the table without the column and copy rows across in batches of at most 3,000.",
  appliesUntil: CAPABILITIES.notValidChecks,
  catalogRows: [34],
  example: {
    bad: "ALTER TABLE film DROP COLUMN original_language_id;",
    good: "-- recreate film without original_language_id, copy rows in batches, rename",
  },
  kinds: ["AlterTableStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    const cmds = tableCommands(n).filter((c) => c.subtype === "AT_DropColumn");
    if (cmds.length === 0) return;
    const pk = primaryKeyColumns(builder.table(rangeVar(n.relation)));
    const t = tableRef(builder, n.relation);
    for (const cmd of cmds) {
      if (pk.has(cmd.name)) continue;
      report({
        message: `DROP COLUMN ${cmd.name} on ${t.schema}.${t.name} is not supported before ${CAPABILITIES.notValidChecks.since}`,
        location: n.relation?.location,
        object: columnRef(t, cmd.name),
      });
    }
  },
});
