import { CAPABILITIES } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "partial-index",
  title: "Partial index before DSQL supported them",
  severity: "blocker",
  category: "indexes",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.CREATE_INDEX,
  why: "Before 2026-09-15 DSQL rejected CREATE INDEX … WHERE. A partial UNIQUE index also enforces a rule that a full index would enforce differently.",
  fix: "Target 2026-09-15 or later, or index the whole table (optionally adding the filter column as a key). Partial unique indexes need the rule enforced another way.",
  appliesUntil: CAPABILITIES.partialIndexes,
  catalogRows: [46],
  example: {
    bad: "CREATE INDEX ASYNC idx_active_customer ON customer (store_id) WHERE active;",
    good: "CREATE INDEX ASYNC idx_active_customer ON customer (store_id, active);",
  },
  kinds: ["IndexStmt"],
  checkStatement({ stmt, report }) {
    if (!stmt.node.whereClause) return;
    report({
      message: `${stmt.node.unique ? "unique " : ""}index ${stmt.node.idxname ?? "(unnamed)"} has a WHERE predicate; partial indexes are not supported before ${CAPABILITIES.partialIndexes.since}`,
    });
  },
});
