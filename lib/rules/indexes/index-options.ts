import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "index-options",
  title: "Index WITH (…), TABLESPACE or ON ONLY",
  severity: "blocker",
  category: "indexes",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.CREATE_INDEX,
  why: "DSQL's CREATE INDEX accepts no storage parameters, no TABLESPACE and no ON ONLY: storage is managed and there are no partitioned tables to build per-partition indexes on.",
  fix: "Remove `WITH (…)`, `TABLESPACE …` and `ONLY` from the statement.",
  catalogRows: [44],
  example: {
    bad: "CREATE INDEX ASYNC idx_payment_date ON ONLY payment (payment_date) WITH (fillfactor = 70) TABLESPACE fast;",
    good: "CREATE INDEX ASYNC idx_payment_date ON payment (payment_date);",
  },
  kinds: ["IndexStmt"],
  checkStatement({ stmt, report }) {
    const n = stmt.node;
    const parts: string[] = [];
    if (n.options?.length) parts.push(`WITH (${n.options.map((o: any) => o.DefElem?.defname).join(", ")})`);
    if (n.tableSpace) parts.push(`TABLESPACE ${n.tableSpace}`);
    if (n.relation && !n.relation.inh) parts.push("ON ONLY");
    if (parts.length === 0) return;
    report({
      message: `index ${n.idxname ?? "(unnamed)"} uses ${parts.join(", ")}; DSQL does not support ${parts.length > 1 ? "these clauses" : "this clause"}`,
    });
  },
});
