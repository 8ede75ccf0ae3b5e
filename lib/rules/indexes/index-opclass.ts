import { strings } from "@/lib/ingest/ast";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "index-opclass",
  title: "Operator class on an index key",
  severity: "blocker",
  category: "indexes",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.CREATE_INDEX,
  why: "DSQL rejects operator classes on index keys (`opclass not supported for index keys`), e.g. text_pattern_ops or varchar_pattern_ops.",
  fix: "Remove the operator class. With the C collation DSQL uses, a plain B-tree already serves `LIKE 'prefix%'`.",
  catalogRows: [44],
  example: {
    bad: "CREATE INDEX ASYNC idx_customer_email ON customer (email text_pattern_ops);",
    good: "CREATE INDEX ASYNC idx_customer_email ON customer (email);",
  },
  kinds: ["IndexStmt"],
  checkStatement({ stmt, report }) {
    for (const p of stmt.node.indexParams ?? []) {
      const e = p.IndexElem;
      if (!e?.opclass) continue;
      report({
        message: `index ${stmt.node.idxname ?? "(unnamed)"} key ${e.name ?? "(expression)"} uses operator class ${strings(e.opclass).join(".")}; DSQL does not support operator classes`,
      });
    }
  },
});
