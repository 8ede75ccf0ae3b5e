import { columnRef, tableCommands, tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "column-compression",
  title: "Column COMPRESSION clause",
  severity: "blocker",
  category: "tables",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.CREATE_TABLE,
  why: "DSQL rejects the COMPRESSION clause and ALTER COLUMN … SET COMPRESSION (observed); it compresses large text values itself and has no TOAST tables.",
  fix: "Delete the COMPRESSION clause. To keep a column's values uncompressed, use `STORAGE EXTERNAL` (or `STORAGE PLAIN`) instead.",
  catalogRows: [24],
  example: {
    bad: "CREATE TABLE document (id uuid PRIMARY KEY, body text COMPRESSION lz4);",
    good: "CREATE TABLE document (id uuid PRIMARY KEY, body text);",
  },
  kinds: ["CreateStmt", "AlterTableStmt"],
  checkStatement({ stmt, nodes, builder, report }) {
    const n = stmt.node;
    const t = tableRef(builder, n.relation);
    for (const cd of nodes("ColumnDef")) {
      if (!cd.compression || !cd.colname) continue;
      report({
        message: `column ${t.name}.${cd.colname} sets COMPRESSION ${cd.compression}; DSQL does not support the clause`,
        location: cd.location,
        object: columnRef(t, cd.colname),
      });
    }
    for (const cmd of tableCommands(n)) {
      if (cmd.subtype !== "AT_SetCompression") continue;
      const method = cmd.def?.String?.sval ?? "";
      report({
        message: `ALTER COLUMN ${cmd.name} SET COMPRESSION ${method} on ${t.schema}.${t.name} is not supported`,
        location: n.relation?.location,
        object: columnRef(t, cmd.name),
      });
    }
  },
});
