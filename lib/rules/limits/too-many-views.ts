import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const MAX_VIEWS = 5000;

export default defineRule({
  id: "too-many-views",
  title: "More than 5,000 views",
  severity: "blocker",
  category: "limits",
  fixKind: "manual",
  effort: "significant",
  docsUrl: SOURCES.QUOTAS,
  why: "A DSQL database holds at most 5,000 views (`54000 creating more than 5000 views not allowed`); the quota cannot be raised.",
  fix: "Replace generated per-tenant or per-report views with parameterised queries in the application, or split across clusters.",
  catalogRows: ["Q:views-per-database"],
  example: {
    bad: "CREATE VIEW report_0001 AS …; /* … */ CREATE VIEW report_5001 AS …;",
    good: "-- one parameterised query per report shape, run by the application",
  },
  exampleAtScale: () => ({
    bad: Array.from({ length: 5001 }, (_, i) => `CREATE VIEW report_${String(i + 1).padStart(4, "0")} AS SELECT ${i} AS n;`).join("\n"),
    good: "CREATE VIEW report AS SELECT 1 AS n;",
  }),
  checkModel({ model, report }) {
    // Materialized views are unsupported altogether (another rule), so only plain views count.
    const views = [...model.views.values()].filter((v) => !v.materialized && !v.temporary);
    if (views.length <= MAX_VIEWS) return;
    const first = views[MAX_VIEWS];
    report({
      message: `the schema defines ${views.length} views; DSQL allows ${MAX_VIEWS} per database (the first one over the limit is ${first.schema}.${first.name})`,
      origin: first.origin,
      object: { kind: "view", schema: first.schema, name: first.name },
      evidence: { views: views.length, limit: MAX_VIEWS },
    });
  },
});
