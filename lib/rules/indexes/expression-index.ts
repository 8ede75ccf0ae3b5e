import { CAPABILITIES } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "expression-index",
  title: "Expression index before DSQL supported them",
  severity: "blocker",
  category: "indexes",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.CREATE_INDEX,
  why: "Before 2026-08-13 DSQL only indexed plain columns; an index on an expression such as lower(email) was rejected.",
  fix: "Target 2026-08-13 or later (expression indexes with IMMUTABLE functions), or add a `GENERATED ALWAYS AS (expr) STORED` column and index that column.",
  appliesUntil: CAPABILITIES.expressionIndexes,
  catalogRows: [45],
  example: {
    bad: "CREATE INDEX ASYNC idx_customer_email ON customer (lower(email));",
    good: "ALTER TABLE customer ADD COLUMN email_lower text GENERATED ALWAYS AS (lower(email)) STORED; -- then index email_lower",
  },
  kinds: ["IndexStmt"],
  checkStatement({ stmt, report }) {
    const exprs = (stmt.node.indexParams ?? []).filter((p: any) => p.IndexElem?.expr);
    if (exprs.length === 0) return;
    report({
      message: `index ${stmt.node.idxname ?? "(unnamed)"} has ${exprs.length} expression key${exprs.length > 1 ? "s" : ""}; not supported before ${CAPABILITIES.expressionIndexes.since}`,
      location: exprs[0].IndexElem.expr?.FuncCall?.location ?? undefined,
    });
  },
});
