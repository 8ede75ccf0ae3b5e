import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "index-sort-order",
  title: "ASC/DESC on index keys",
  severity: "blocker",
  category: "indexes",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.CREATE_INDEX,
  why: "DSQL rejects a sort order on index keys (`specifying sort order not supported for index keys`); only NULLS FIRST/LAST may be given.",
  fix: "Remove ASC/DESC from the key; B-tree indexes can be scanned in both directions.",
  catalogRows: [43],
  example: {
    bad: "CREATE INDEX ASYNC idx_rental_date ON rental (rental_date DESC);",
    good: "CREATE INDEX ASYNC idx_rental_date ON rental (rental_date);",
  },
  kinds: ["IndexStmt"],
  checkStatement({ stmt, report }) {
    const keys = (stmt.node.indexParams ?? [])
      .map((p: any) => p.IndexElem)
      .filter((e: any) => e && (e.ordering === "SORTBY_ASC" || e.ordering === "SORTBY_DESC"));
    if (keys.length === 0) return;
    const names = keys.map((e: any) => `${e.name ?? "(expression)"} ${e.ordering === "SORTBY_DESC" ? "DESC" : "ASC"}`);
    report({
      message: `index ${stmt.node.idxname ?? "(unnamed)"} specifies a sort order (${names.join(", ")}); DSQL allows only NULLS FIRST/LAST`,
    });
  },
});
