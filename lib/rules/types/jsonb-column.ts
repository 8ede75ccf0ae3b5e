import { CAPABILITIES } from "../core/capabilities";
import { declaredTypes, TYPE_DECLARING_KINDS } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "jsonb-column",
  title: "jsonb column before DSQL supported it",
  severity: "blocker",
  category: "types",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.TYPES,
  why: "Before 2026-06-08 DSQL accepted jsonb only at query runtime, not as a column or domain type.",
  fix: "Target 2026-06-08 or later (values up to 1 MiB compressed, not indexable), or store the document as text and cast with ::jsonb in queries.",
  appliesUntil: CAPABILITIES.jsonb,
  catalogRows: [55, "T:jsonb"],
  example: {
    bad: "CREATE TABLE event (payload jsonb);",
    good: "CREATE TABLE event (payload text); -- SELECT payload::jsonb ->> 'kind' FROM event",
  },
  kinds: TYPE_DECLARING_KINDS,
  checkStatement(ctx) {
    for (const d of declaredTypes(ctx)) {
      if (d.type.name !== "jsonb" || d.type.arrayDims || (d.type.schema && d.type.schema !== "pg_catalog")) continue;
      ctx.report({
        message: `${d.label} has type jsonb, not supported as a column type before ${CAPABILITIES.jsonb.since}`,
        location: d.location,
        object: d.object,
      });
    }
  },
});
