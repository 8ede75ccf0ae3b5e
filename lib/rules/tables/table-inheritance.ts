import { tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";
import type { AstNode } from "@/lib/ingest/parse";

export default defineRule({
  id: "table-inheritance",
  title: "Table inheritance (INHERITS)",
  severity: "blocker",
  category: "tables",
  fixKind: "auto",
  effort: "medium",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "INHERITS is not supported in DSQL's CREATE TABLE; queries on a parent no longer include child rows.",
  fix: "Flatten: copy the parent's columns into each child table (or merge children into one table with a type column) and replace parent-table queries with UNION ALL views.",
  catalogRows: [18],
  example: {
    bad: "CREATE TABLE manager (bonus numeric) INHERITS (employee);",
    good: "CREATE TABLE manager (employee_id uuid PRIMARY KEY, name text, bonus numeric);",
  },
  kinds: ["CreateStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (n.partbound || !n.inhRelations?.length) return;
    const t = tableRef(builder, n.relation);
    const parents = n.inhRelations.map((r: AstNode) => tableRef(builder, r.RangeVar));
    report({
      message: `table ${t.schema}.${t.name} INHERITS from ${parents.map((p: { schema?: string; name: string }) => `${p.schema}.${p.name}`).join(", ")}; DSQL has no table inheritance`,
      location: n.inhRelations[0].RangeVar?.location,
      object: t,
    });
  },
});
