import { bodyHasStatement, relObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "truncate",
  title: "TRUNCATE",
  severity: "blocker",
  category: "workload",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.MIG,
  why: "DSQL rejects TRUNCATE (`unsupported statement: Truncate`). A DELETE of the whole table is limited to 3,000 rows per transaction.",
  fix: "DELETE in batches of ≤ 3,000 rows (e.g. `DELETE FROM t WHERE id IN (SELECT id FROM t LIMIT 1000)` until no rows remain), or DROP TABLE and CREATE TABLE again.",
  catalogRows: [94],
  example: {
    bad: "TRUNCATE staging_rental;",
    good: "DELETE FROM staging_rental WHERE rental_id IN (SELECT rental_id FROM staging_rental LIMIT 1000); -- repeat until 0 rows",
  },
  kinds: ["TruncateStmt", "CreateFunctionStmt", "DoStmt"],
  checkStatement(ctx) {
    const { stmt, builder, nodes, report } = ctx;
    if (stmt.kind === "TruncateStmt") {
      for (const r of stmt.node.relations ?? []) {
        const t = relObject(builder, r.RangeVar);
        report({
          message: `TRUNCATE ${t.name} is not supported; delete in batches of ≤ 3,000 rows`,
          location: r.RangeVar?.location,
          object: t,
        });
      }
      return;
    }
    // BEGIN ATOMIC bodies are in the AST; string bodies are read by bodyHasStatement.
    if (nodes("TruncateStmt").length || bodyHasStatement(ctx, "TruncateStmt", "truncate")) {
      report({ message: "the routine body runs TRUNCATE, which DSQL does not support" });
    }
  },
});
