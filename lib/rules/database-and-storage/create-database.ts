import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** Statements that act on a database as a whole; DSQL has exactly one, `postgres`. */
export default defineRule({
  id: "create-database",
  title: "CREATE / ALTER / DROP DATABASE",
  severity: "blocker",
  category: "database-and-storage",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.MIG,
  why: "A DSQL cluster has a single built-in database, `postgres`; it cannot be created, renamed, altered or dropped (`unsupported statement: Createdb`).",
  fix: "Remove the statement and connect to `postgres`. Keep separate databases apart as schemas in one cluster (at most 10) or as separate clusters.",
  catalogRows: [1, "Q:databases-per-cluster"],
  example: {
    bad: "CREATE DATABASE pagila WITH TEMPLATE = template0 ENCODING = 'UTF8';",
    good: "CREATE SCHEMA pagila;",
  },
  kinds: ["CreatedbStmt", "DropdbStmt", "AlterDatabaseStmt", "AlterDatabaseRefreshCollStmt", "RenameStmt", "AlterOwnerStmt"],
  checkStatement({ stmt, report }) {
    const n = stmt.node;
    let verb: string;
    let name: string;
    switch (stmt.kind) {
      case "CreatedbStmt":
        [verb, name] = ["CREATE DATABASE", n.dbname];
        break;
      case "DropdbStmt":
        [verb, name] = ["DROP DATABASE", n.dbname];
        break;
      case "AlterDatabaseStmt":
      case "AlterDatabaseRefreshCollStmt":
        [verb, name] = ["ALTER DATABASE", n.dbname];
        break;
      case "RenameStmt":
        if (n.renameType !== "OBJECT_DATABASE") return;
        [verb, name] = ["ALTER DATABASE % RENAME", n.subname];
        break;
      case "AlterOwnerStmt":
        if (n.objectType !== "OBJECT_DATABASE") return;
        [verb, name] = ["ALTER DATABASE % OWNER TO", n.object?.String?.sval ?? ""];
        break;
      default:
        return;
    }
    report({
      // The database is named where the statement names it: ALTER DATABASE chinook OWNER TO …, not after OWNER TO.
      message: `${verb.includes("%") ? verb.replace("%", name) : `${verb} ${name}`}: a DSQL cluster has exactly one database (postgres), which cannot be created, altered or dropped`,
      object: { kind: "database", name },
    });
  },
});
