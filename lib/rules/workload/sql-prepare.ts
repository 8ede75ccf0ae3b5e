import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "sql-prepare",
  title: "SQL-level PREPARE / EXECUTE / DEALLOCATE / DISCARD / LOAD",
  severity: "blocker",
  category: "workload",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.CONSIDERATIONS,
  why: "DSQL supports prepared statements at the protocol level only: SQL PREPARE, EXECUTE, DEALLOCATE name, DISCARD and LOAD are rejected (DEALLOCATE ALL is accepted), and statement names are not preserved.",
  fix: "Use the driver's parameterised queries (extended protocol); drop DISCARD/LOAD from connection set-up.",
  catalogRows: [98],
  example: {
    bad: "PREPARE film_by_id (int) AS SELECT * FROM film WHERE film_id = $1; EXECUTE film_by_id(1);",
    good: "-- client: query('SELECT * FROM film WHERE film_id = $1', [1])",
  },
  kinds: ["PrepareStmt", "ExecuteStmt", "DeallocateStmt", "DiscardStmt", "LoadStmt"],
  checkStatement({ stmt, report }) {
    const n = stmt.node;
    switch (stmt.kind) {
      case "PrepareStmt":
        return report({ message: `PREPARE ${n.name} is not supported; use protocol-level prepared statements` });
      case "ExecuteStmt":
        return report({ message: `EXECUTE ${n.name} is not supported; use protocol-level prepared statements` });
      case "DeallocateStmt":
        if (!n.isall) report({ message: `DEALLOCATE ${n.name} is not supported (only DEALLOCATE ALL)` });
        return;
      case "DiscardStmt":
        return report({ message: `DISCARD ${String(n.target ?? "").replace("DISCARD_", "")} is not supported` });
      case "LoadStmt":
        return report({ message: `LOAD '${n.filename}' is not supported` });
    }
  },
});
