import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const MAX_TABLES = 1000;

export default defineRule({
  id: "too-many-tables",
  title: "More than 1,000 tables",
  severity: "blocker",
  category: "limits",
  fixKind: "manual",
  effort: "significant",
  docsUrl: SOURCES.QUOTAS,
  why: "A DSQL database holds at most 1,000 tables (`54000 creating more than 1000 tables not allowed`); the quota cannot be raised.",
  fix: "Merge per-tenant or per-period tables into shared tables keyed by tenant or date, or split the data across several clusters.",
  catalogRows: ["Q:tables-per-database"],
  example: {
    bad: "CREATE TABLE events_2024_01 (…); /* … one table per month for 90 years … */",
    good: "CREATE TABLE events (event_id uuid PRIMARY KEY, occurred_at timestamptz NOT NULL, …);",
  },
  exampleAtScale: () => ({
    bad: Array.from(
      { length: 90 * 12 },
      (_, i) => `CREATE TABLE events_${2000 + Math.floor(i / 12)}_${String((i % 12) + 1).padStart(2, "0")} (event_id uuid PRIMARY KEY);`,
    ).join("\n"),
    good: "CREATE TABLE events (event_id uuid PRIMARY KEY, occurred_at timestamptz NOT NULL);",
  }),
  checkModel({ model, report }) {
    // Partitions and foreign or temporary tables would not exist as DSQL tables; other rules cover them.
    let count = 0;
    let first: { schema: string; name: string; origin: import("@/lib/model/schema").SourceRef } | undefined;
    for (const t of model.tables.values()) {
      if (t.partitionOf || t.foreign || t.persistence === "temporary") continue;
      count++;
      if (count === MAX_TABLES + 1) first = t;
    }
    if (!first) return;
    report({
      message: `the schema defines ${count} tables; DSQL allows ${MAX_TABLES} per database (the first one over the limit is ${first.schema}.${first.name})`,
      origin: first.origin,
      object: { kind: "table", schema: first.schema, name: first.name },
      evidence: { tables: count, limit: MAX_TABLES },
    });
  },
});
