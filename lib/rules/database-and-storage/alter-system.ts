import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** Persistent server configuration: ALTER SYSTEM, ALTER ROLE … SET, ALTER DATABASE … SET. */
export default defineRule({
  id: "alter-system",
  title: "Persistent server or role configuration",
  severity: "blocker",
  category: "database-and-storage",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL manages its configuration: every ALTER SYSTEM command is blocked, and per-role or per-database defaults (`ALTER ROLE … SET`, `ALTER DATABASE … SET`) are not available.",
  fix: "Remove the statement. Where the application needs the setting, have it run `SET name = value` after connecting (or pass it as a connection option).",
  catalogRows: [5],
  example: {
    bad: "ALTER ROLE app SET search_path = app, public;",
    good: "SET search_path = app, public; -- run by the application after connecting",
  },
  kinds: ["AlterSystemStmt", "AlterRoleSetStmt", "AlterDatabaseSetStmt"],
  checkStatement({ stmt, report }) {
    const n = stmt.node;
    const setting = n.setstmt?.name ?? (n.setstmt?.kind === "VAR_RESET_ALL" ? "ALL" : "?");
    const verb = n.setstmt?.kind?.startsWith("VAR_RESET") ? "RESET" : "SET";
    if (stmt.kind === "AlterSystemStmt") {
      report({
        message: `ALTER SYSTEM ${verb} ${setting} is blocked on DSQL; configuration is managed by the service`,
        object: { kind: "setting", name: setting },
      });
    } else if (stmt.kind === "AlterRoleSetStmt") {
      const role = n.role?.rolename ?? (n.role ? "CURRENT_ROLE" : "ALL");
      report({
        message: `ALTER ROLE ${role} ${verb} ${setting}: per-role settings are not supported; set it in the session instead`,
        object: { kind: "role", name: role },
      });
    } else {
      report({
        message: `ALTER DATABASE ${n.dbname} ${verb} ${setting}: per-database settings are not supported; set it in the session instead`,
        object: { kind: "database", name: n.dbname },
      });
    }
  },
});
