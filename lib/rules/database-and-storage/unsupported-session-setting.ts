import { constValue, funcName } from "@/lib/ingest/ast";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** Session parameters DSQL refuses to set (observed), with what to write instead. */
const REFUSED: Record<string, string> = {
  default_transaction_read_only: "use `SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY` (or `BEGIN READ ONLY`)",
};

export default defineRule({
  id: "unsupported-session-setting",
  title: "Session setting DSQL refuses",
  severity: "blocker",
  category: "database-and-storage",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.MIG,
  why: 'DSQL refuses some configuration parameters that PostgreSQL lets a session set, e.g. `setting configuration parameter "default_transaction_read_only" not supported` (0A000), as a statement or as a start-up option.',
  fix: "Use `SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY` (or `BEGIN READ ONLY`), and remove the parameter from connection strings.",
  catalogRows: [6],
  example: {
    bad: "SET default_transaction_read_only = on;",
    good: "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY;",
  },
  kinds: ["VariableSetStmt", "SelectStmt"],
  checkStatement({ stmt, nodes, report }) {
    const n = stmt.node;
    const flag = (name: string, location: number | undefined) => {
      const instead = REFUSED[name.toLowerCase()];
      if (!instead) return;
      report({
        message: `setting ${name} is not supported on DSQL; ${instead}`,
        location,
        object: { kind: "setting", name: name.toLowerCase() },
      });
    };
    if (stmt.kind === "VariableSetStmt") {
      // RESET only restores the default, which DSQL has anyway.
      if (n.kind === "VAR_SET_VALUE" || n.kind === "VAR_SET_DEFAULT") flag(String(n.name ?? ""), n.location);
      return;
    }
    for (const fc of nodes("FuncCall")) {
      if (funcName(fc) !== "set_config") continue;
      const name = constValue(fc.args?.[0]);
      if (typeof name === "string") flag(name, fc.location);
    }
  },
});
