import { relObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const WHAT: Record<string, string> = {
  CreateFdwStmt: "CREATE FOREIGN DATA WRAPPER",
  AlterFdwStmt: "ALTER FOREIGN DATA WRAPPER",
  CreateForeignServerStmt: "CREATE SERVER",
  AlterForeignServerStmt: "ALTER SERVER",
  CreateUserMappingStmt: "CREATE USER MAPPING",
  AlterUserMappingStmt: "ALTER USER MAPPING",
  DropUserMappingStmt: "DROP USER MAPPING",
  CreateForeignTableStmt: "CREATE FOREIGN TABLE",
  ImportForeignSchemaStmt: "IMPORT FOREIGN SCHEMA",
};

export default defineRule({
  id: "foreign-data-wrapper",
  title: "Foreign data wrappers, servers, user mappings and foreign tables",
  severity: "blocker",
  category: "extensions",
  fixKind: "manual",
  effort: "significant",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL has no foreign data access (postgres_fdw and other wrappers are extensions, which DSQL does not load): servers, user mappings and foreign tables cannot be created.",
  fix: "Federate in the application or move the data with ETL (AWS Glue, DMS, the DSQL loader).",
  catalogRows: [101],
  example: {
    bad: "CREATE SERVER legacy FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'old-db'); CREATE FOREIGN TABLE legacy_orders (…) SERVER legacy;",
    good: "-- copy legacy_orders into DSQL with the loader, or query both systems from the application",
  },
  kinds: [...Object.keys(WHAT), "DropStmt", "AlterTableStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (stmt.kind === "DropStmt") {
      const t = {
        OBJECT_FOREIGN_TABLE: "DROP FOREIGN TABLE",
        OBJECT_FOREIGN_SERVER: "DROP SERVER",
        OBJECT_FDW: "DROP FOREIGN DATA WRAPPER",
      }[n.removeType as string];
      if (t) report({ message: `${t} is not supported` });
      return;
    }
    if (stmt.kind === "AlterTableStmt") {
      if (n.objtype === "OBJECT_FOREIGN_TABLE")
        report({
          message: `ALTER FOREIGN TABLE ${n.relation?.relname} is not supported`,
          object: relObject(builder, n.relation, "foreign-table"),
        });
      return;
    }
    const name =
      stmt.kind === "CreateForeignTableStmt"
        ? n.base?.relation?.relname
        : stmt.kind === "ImportForeignSchemaStmt"
          ? n.remote_schema
          : stmt.kind.includes("Fdw")
            ? n.fdwname
            : n.servername;
    const object =
      stmt.kind === "CreateForeignTableStmt"
        ? relObject(builder, n.base?.relation, "foreign-table")
        : { kind: "foreign-data", name: String(name ?? "") };
    report({ message: `${WHAT[stmt.kind]} ${name ?? ""} is not supported (no foreign data wrappers)`.replace("  ", " "), object });
  },
});
