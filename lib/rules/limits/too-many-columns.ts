import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const MAX_COLUMNS = 255;

export default defineRule({
  id: "too-many-columns",
  title: "More than 255 columns",
  severity: "blocker",
  category: "limits",
  fixKind: "manual",
  effort: "significant",
  docsUrl: SOURCES.QUOTAS,
  why: "DSQL tables hold at most 255 columns (`54011 tables can have at most 255 columns`; 256 was observed to pass, 257 fails), and at most 1,600 over their lifetime including dropped ones.",
  fix: "Split the table vertically into 1:1 tables that share the primary key, grouping columns that are read and written together.",
  catalogRows: [23, "Q:columns-per-table"],
  example: {
    bad: "CREATE TABLE wide (id uuid PRIMARY KEY, c1 int, c2 int, /* … */ c300 int);",
    good: "CREATE TABLE wide_a (id uuid PRIMARY KEY, c1 int, /* … */ c150 int);\nCREATE TABLE wide_b (id uuid PRIMARY KEY, c151 int, /* … */ c300 int);",
  },
  exampleAtScale: () => ({
    bad: `CREATE TABLE wide (id uuid PRIMARY KEY, ${numbered("c", 1, 300, " int")});`,
    good: `CREATE TABLE wide_a (id uuid PRIMARY KEY, ${numbered("c", 1, 150, " int")});\nCREATE TABLE wide_b (id uuid PRIMARY KEY, ${numbered("c", 151, 300, " int")});`,
  }),
  checkModel({ model, report }) {
    for (const t of model.tables.values()) {
      if (t.foreign || t.columns.length <= MAX_COLUMNS) continue;
      report({
        message: `table ${t.schema}.${t.name} has ${t.columns.length} columns; DSQL allows at most ${MAX_COLUMNS}`,
        origin: t.origin,
        object: { kind: "table", schema: t.schema, name: t.name },
        evidence: { columns: t.columns.length, limit: MAX_COLUMNS },
      });
    }
  },
});

/** "c1 int, c2 int, …": numbered column definitions. */
function numbered(prefix: string, from: number, to: number, suffix: string): string {
  return Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}${suffix}`).join(", ");
}
