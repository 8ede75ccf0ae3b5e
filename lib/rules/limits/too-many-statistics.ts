import { CAPABILITIES } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const MAX_STATISTICS = 5;

export default defineRule({
  id: "too-many-statistics",
  title: "More than 5 extended statistics on a table",
  severity: "blocker",
  category: "limits",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.CREATE_STATISTICS,
  why: "DSQL allows at most 5 CREATE STATISTICS objects per table (`54000 more than 5 extended statistics per table are not allowed`).",
  fix: "Keep the statistics objects that fix real misestimates; combine column groups into fewer objects.",
  appliesFrom: CAPABILITIES.statistics,
  catalogRows: ["Q:extended-statistics-per-table"],
  example: {
    bad: "-- six CREATE STATISTICS … FROM rental",
    good: "CREATE STATISTICS rental_stats (dependencies, ndistinct) ON customer_id, inventory_id, staff_id FROM rental;",
  },
  exampleAtScale: () => {
    const table = "CREATE TABLE rental (rental_id uuid PRIMARY KEY, customer_id int, inventory_id int, staff_id int);";
    const stats = (n: number) =>
      Array.from({ length: n }, (_, i) => `CREATE STATISTICS rental_s${i} ON customer_id, inventory_id FROM rental;`).join("\n");
    return { bad: `${table}\n${stats(6)}`, good: `${table}\n${stats(1)}` };
  },
  checkModel({ model, report }) {
    for (const t of model.tables.values()) {
      if (t.statistics <= MAX_STATISTICS) continue;
      report({
        message: `table ${t.schema}.${t.name} has ${t.statistics} extended statistics objects; DSQL allows ${MAX_STATISTICS} per table`,
        origin: t.origin,
        object: { kind: "table", schema: t.schema, name: t.name },
        evidence: { statistics: t.statistics, limit: MAX_STATISTICS },
      });
    }
  },
});
