import { commandLocation, constraintRef, primaryKeyColumns, tableCommands, tableRef } from "../core/ddl-helpers";
import { rangeVar } from "@/lib/ingest/ast";
import { primaryKey } from "@/lib/model/schema";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** Dropping or replacing an existing primary key, directly or by dropping one of its columns. */
export default defineRule({
  id: "primary-key-change",
  title: "Primary key changed or dropped",
  severity: "blocker",
  category: "keys-and-identity",
  fixKind: "manual",
  effort: "significant",
  docsUrl: SOURCES.PRIMARY_KEYS,
  why: "A DSQL table's primary key is its storage key and cannot change: dropping the PK constraint (`unsupported ALTER TABLE DROP CONSTRAINT statement`), `PRIMARY KEY USING INDEX` and dropping a primary-key column are all rejected.",
  fix: "Create a new table with the new primary key, copy the rows in batches of at most 3,000, switch the application over, then drop the old table and rename.",
  catalogRows: [22],
  example: {
    bad: "CREATE TABLE rental (rental_id int, inventory_id int, CONSTRAINT rental_pkey PRIMARY KEY (rental_id));\nALTER TABLE rental DROP CONSTRAINT rental_pkey;\nALTER TABLE rental ADD PRIMARY KEY (rental_id, inventory_id);",
    good: "CREATE TABLE rental_new (rental_id uuid, inventory_id uuid, PRIMARY KEY (rental_id, inventory_id));\n-- copy in batches, then rename",
  },
  kinds: ["AlterTableStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    const cmds = tableCommands(n);
    if (cmds.length === 0) return;
    const t = tableRef(builder, n.relation);
    const table = builder.table(rangeVar(n.relation));
    const pk = table ? primaryKey(table) : undefined;
    const pkCols = primaryKeyColumns(table);
    for (const cmd of cmds) {
      const con = cmd.def?.Constraint;
      if (cmd.subtype === "AT_AddConstraint" && con?.contype === "CONSTR_PRIMARY" && con.indexname) {
        report({
          message: `PRIMARY KEY USING INDEX ${con.indexname} on ${t.schema}.${t.name}: DSQL cannot turn an index into the primary key of an existing table`,
          location: commandLocation(n, cmd),
          object: constraintRef(t, con.conname ?? con.indexname),
        });
      } else if (cmd.subtype === "AT_DropConstraint" && pk?.name && cmd.name === pk.name) {
        report({
          message: `dropping ${cmd.name}, the primary key of ${t.schema}.${t.name}, is not supported; DSQL tables keep their primary key for life`,
          location: n.relation?.location,
          object: constraintRef(t, cmd.name),
        });
      } else if (cmd.subtype === "AT_DropColumn" && pkCols.has(cmd.name)) {
        report({
          message: `column ${cmd.name} is part of the primary key of ${t.schema}.${t.name}; DSQL cannot drop primary-key columns`,
          location: n.relation?.location,
          object: { kind: "column", schema: t.schema, name: `${t.name}.${cmd.name}` },
        });
      }
    }
  },
});
