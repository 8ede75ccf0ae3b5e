import { tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/**
 * CREATE/ALTER/DROP TABLESPACE and TABLESPACE clauses. pg_dump's `SET default_tablespace = ''` only
 * restores the default and is left alone. An index's own TABLESPACE clause is index-options'.
 */
export default defineRule({
  id: "tablespace",
  title: "Tablespace",
  severity: "blocker",
  category: "database-and-storage",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL places storage automatically and has no tablespaces: CREATE TABLESPACE and TABLESPACE clauses are not part of its syntax.",
  fix: "Delete the TABLESPACE clause (and any CREATE TABLESPACE / SET TABLESPACE statement).",
  catalogRows: [7],
  example: {
    bad: "CREATE TABLE film (film_id uuid PRIMARY KEY) TABLESPACE fast_ssd;",
    good: "CREATE TABLE film (film_id uuid PRIMARY KEY);",
  },
  kinds: [
    "CreateTableSpaceStmt",
    "DropTableSpaceStmt",
    "AlterTableSpaceOptionsStmt",
    "AlterTableMoveAllStmt",
    "CreateStmt",
    "CreateTableAsStmt",
    "AlterTableStmt",
    "VariableSetStmt",
  ],
  checkStatement({ stmt, nodes, builder, report }) {
    const n = stmt.node;
    const space = (name: string) => ({ kind: "tablespace", name });
    switch (stmt.kind) {
      case "CreateTableSpaceStmt":
        report({ message: `CREATE TABLESPACE ${n.tablespacename}: DSQL has no tablespaces`, object: space(n.tablespacename) });
        return;
      case "DropTableSpaceStmt":
      case "AlterTableSpaceOptionsStmt":
        report({ message: `tablespace ${n.tablespacename}: DSQL has no tablespaces`, object: space(n.tablespacename) });
        return;
      case "AlterTableMoveAllStmt":
        report({
          message: `ALTER … ALL IN TABLESPACE ${n.orig_tablespacename}: DSQL has no tablespaces`,
          object: space(n.orig_tablespacename),
        });
        return;
      case "VariableSetStmt": {
        // `SET default_tablespace = ''` (pg_dump) and RESET are harmless; naming a tablespace is not.
        if (String(n.name).toLowerCase() !== "default_tablespace" || n.kind !== "VAR_SET_VALUE") return;
        const v = n.args?.[0]?.A_Const?.sval?.sval ?? "";
        if (v !== "")
          report({ message: `default_tablespace set to ${v}: DSQL has no tablespaces`, location: n.location, object: space(v) });
        return;
      }
      case "CreateStmt":
        if (n.tablespacename) {
          const t = tableRef(builder, n.relation);
          report({
            message: `table ${t.schema}.${t.name} is placed in tablespace ${n.tablespacename}; DSQL has no tablespaces`,
            location: n.relation?.location,
            object: t,
          });
        }
        break;
      case "CreateTableAsStmt":
        if (n.into?.tableSpaceName) {
          const t = tableRef(builder, n.into.rel);
          report({
            message: `${t.schema}.${t.name} is placed in tablespace ${n.into.tableSpaceName}; DSQL has no tablespaces`,
            location: n.into.rel?.location,
            object: t,
          });
        }
        return;
      case "AlterTableStmt":
        for (const cmd of n.cmds ?? []) {
          if (cmd.AlterTableCmd?.subtype !== "AT_SetTableSpace") continue;
          const t = tableRef(builder, n.relation);
          const what = n.objtype === "OBJECT_INDEX" ? "index" : n.objtype === "OBJECT_MATVIEW" ? "materialized view" : "table";
          report({
            message: `ALTER ${what.toUpperCase()} ${t.name} SET TABLESPACE ${cmd.AlterTableCmd.name}: DSQL has no tablespaces`,
            location: n.relation?.location,
            object: { ...t, kind: what },
          });
        }
        break;
    }
    // USING INDEX TABLESPACE on PRIMARY KEY / UNIQUE constraints.
    for (const c of nodes("Constraint")) {
      if (!c.indexspace) continue;
      const t = tableRef(builder, n.relation);
      report({
        message:
          `constraint ${c.conname ?? ""} on ${t.schema}.${t.name} puts its index in tablespace ${c.indexspace}; DSQL has no tablespaces`.replace(
            "  ",
            " ",
          ),
        location: c.location,
        object: { kind: "constraint", schema: t.schema, name: `${t.name}.${c.conname ?? c.indexspace}` },
      });
    }
  },
});
