import { columnRef, tableCommands, tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "set-not-null",
  title: "ALTER COLUMN … SET NOT NULL",
  severity: "blocker",
  category: "constraints",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.ALTER_TABLE,
  why: "DSQL cannot add NOT NULL to an existing column (`unsupported … SET NOT NULL statement`); only DROP NOT NULL exists.",
  fix: "Declare NOT NULL in CREATE TABLE, or recreate the table. A `CHECK (col IS NOT NULL) NOT VALID` plus async validation approximates it on DSQL since 2026-08-03 (it is a CHECK, not a column NOT NULL).",
  catalogRows: [31],
  example: {
    bad: "ALTER TABLE customer ALTER COLUMN email SET NOT NULL;",
    good: "CREATE TABLE customer (customer_id uuid PRIMARY KEY, email text NOT NULL);",
  },
  kinds: ["AlterTableStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    for (const cmd of tableCommands(n)) {
      if (cmd.subtype !== "AT_SetNotNull") continue;
      const t = tableRef(builder, n.relation);
      report({
        message: `SET NOT NULL on ${t.schema}.${t.name}.${cmd.name} is not supported; declare NOT NULL in CREATE TABLE`,
        location: n.relation?.location,
        object: columnRef(t, cmd.name),
      });
    }
  },
});
