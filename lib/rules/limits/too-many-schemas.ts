import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const MAX_SCHEMAS = 10;
/** Not counted toward the quota (observed). */
const FREE = new Set(["public", "sys"]);

export default defineRule({
  id: "too-many-schemas",
  title: "More than 10 schemas",
  severity: "blocker",
  category: "limits",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.QUOTAS,
  why: "A DSQL database holds at most 10 schemas besides public (`54000 more than 10 schemas not allowed`); the quota cannot be raised.",
  fix: "Merge schemas (e.g. prefix table names instead), or split the application across several DSQL clusters.",
  catalogRows: ["Q:schemas-per-database"],
  example: {
    bad: "CREATE SCHEMA tenant_01; /* … */ CREATE SCHEMA tenant_11;",
    good: "CREATE SCHEMA tenants; -- one schema, tenant_id in each key",
  },
  exampleAtScale: () => ({
    bad: Array.from({ length: 11 }, (_, i) => `CREATE SCHEMA tenant_${String(i + 1).padStart(2, "0")};`).join("\n"),
    good: "CREATE SCHEMA tenants;",
  }),
  checkModel({ model, report }) {
    const counted = [...model.schemas.values()].filter((s) => !FREE.has(s.name));
    if (counted.length <= MAX_SCHEMAS) return;
    const first = counted[MAX_SCHEMAS];
    report({
      message: `the schema defines ${counted.length} schemas besides public; DSQL allows ${MAX_SCHEMAS} (the first one over the limit is ${first.name})`,
      origin: first.origin,
      object: { kind: "schema", name: first.name },
      evidence: { schemas: counted.length, limit: MAX_SCHEMAS },
    });
  },
});
