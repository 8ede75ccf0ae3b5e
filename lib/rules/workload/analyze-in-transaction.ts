import { relObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "analyze-in-transaction",
  title: "ANALYZE without a table, or inside a transaction",
  severity: "blocker",
  category: "workload",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.SQL,
  why: "DSQL supports ANALYZE only with a table name and only outside an explicit transaction; it also analyzes tables automatically in the background.",
  fix: "Run `ANALYZE table_name;` per table in autocommit mode, or rely on the automatic ANALYZE.",
  catalogRows: [102],
  example: {
    bad: "BEGIN; ANALYZE; COMMIT;",
    good: "ANALYZE film;",
  },
  kinds: ["VacuumStmt"],
  checkStatement({ stmt, txn, builder, report }) {
    const n = stmt.node;
    if (n.is_vacuumcmd) return; // VACUUM [ANALYZE] is maintenance-command's business
    const problems: string[] = [];
    if (!n.rels?.length) problems.push("names no table");
    if (txn.open) problems.push(`runs inside the transaction begun on line ${txn.beginLine}`);
    if (problems.length) {
      const rel = n.rels?.[0]?.VacuumRelation?.relation;
      report({
        message: `ANALYZE ${problems.join(" and ")}; DSQL needs ANALYZE <table> outside explicit transactions`,
        object: rel ? relObject(builder, rel) : { kind: "statement", name: "" },
      });
    }
  },
});
