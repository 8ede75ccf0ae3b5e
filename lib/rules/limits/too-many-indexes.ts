import { key } from "@/lib/model/schema";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const MAX_INDEXES = 24;

export default defineRule({
  id: "too-many-indexes",
  title: "More than 24 indexes on a table",
  severity: "blocker",
  category: "limits",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.QUOTAS,
  why: "A DSQL table holds at most 24 indexes (`54000 more than 24 indexes per table are not allowed`), counting the primary key's index, every UNIQUE constraint's index and indexes still building.",
  fix: "Drop redundant indexes (those whose columns lead another index), merge single-column indexes into composite ones, and move rarely used lookups to an analytics store.",
  catalogRows: ["Q:indexes-per-table"],
  example: {
    bad: "-- a primary key, 3 unique constraints and 21 CREATE INDEX ASYNC on one table",
    good: "-- at most 24 in total, counting the primary key and unique constraints",
  },
  exampleAtScale: () => {
    const table =
      "CREATE TABLE t (id uuid PRIMARY KEY, u1 int UNIQUE, u2 int UNIQUE, u3 int UNIQUE, " + numbered("c", 1, 21, " int") + ");";
    const indexes = (n: number) => Array.from({ length: n }, (_, i) => `CREATE INDEX ASYNC t_c${i + 1}_idx ON t (c${i + 1});`).join("\n");
    return { bad: `${table}\n${indexes(21)}`, good: `${table}\n${indexes(20)}` };
  },
  checkModel({ model, report }) {
    const created = new Map<string, number>();
    for (const ix of model.indexes.values()) created.set(key(ix.table), (created.get(key(ix.table)) ?? 0) + 1);
    for (const t of model.tables.values()) {
      // Constraint indexes: PRIMARY KEY, UNIQUE (not USING INDEX, which reuses a counted index) and EXCLUDE.
      const constraintIndexes = t.constraints.filter(
        (c) => (c.kind === "primary-key" || c.kind === "unique" || c.kind === "exclusion") && c.columns.length > 0,
      ).length;
      const total = (created.get(key(t)) ?? 0) + constraintIndexes;
      if (total <= MAX_INDEXES) continue;
      report({
        message: `table ${t.schema}.${t.name} has ${total} indexes (${constraintIndexes} from primary key/unique constraints); DSQL allows ${MAX_INDEXES} per table`,
        origin: t.origin,
        object: { kind: "table", schema: t.schema, name: t.name },
        evidence: { indexes: total, limit: MAX_INDEXES },
      });
    }
  },
});

/** "c1 int, c2 int, …": numbered column definitions. */
function numbered(prefix: string, from: number, to: number, suffix: string): string {
  return Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}${suffix}`).join(", ");
}
