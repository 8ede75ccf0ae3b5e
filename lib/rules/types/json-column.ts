import { CAPABILITIES } from "../core/capabilities";
import { declaredTypes, TYPE_DECLARING_KINDS } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "json-column",
  title: "json column before DSQL supported it",
  severity: "blocker",
  category: "types",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.TYPES,
  why: "Before 2026-05-04 DSQL accepted json only at query runtime, not as a column or domain type.",
  fix: "Target 2026-05-04 or later (values up to 1 MiB compressed, not indexable), or store the document as text and cast with ::json in queries.",
  appliesUntil: CAPABILITIES.json,
  catalogRows: [55, "T:json"],
  example: {
    bad: "CREATE TABLE event (payload json);",
    good: "CREATE TABLE event (payload text); -- SELECT payload::json ->> 'kind' FROM event",
  },
  kinds: TYPE_DECLARING_KINDS,
  checkStatement(ctx) {
    for (const d of declaredTypes(ctx)) {
      if (d.type.name !== "json" || d.type.arrayDims || (d.type.schema && d.type.schema !== "pg_catalog")) continue;
      ctx.report({
        message: `${d.label} has type json, not supported as a column type before ${CAPABILITIES.json.since}`,
        location: d.location,
        object: d.object,
      });
    }
  },
});
