import { displayType } from "@/lib/ingest/ast";
import { declaredTypes, TYPE_DECLARING_KINDS } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "array-column",
  title: "Array column type",
  severity: "blocker",
  category: "types",
  fixKind: "auto",
  effort: "medium",
  docsUrl: SOURCES.TYPES,
  why: "DSQL supports arrays only at query runtime (array_agg, unnest, ANY($1)); an array column or domain is rejected (`datatype text[] not supported`).",
  fix: "Store the values as a jsonb array (since 2026-06-08) or in a child table with one row per element; delimited text is the last resort. Queries using array operators change accordingly.",
  catalogRows: [54, "T:array"],
  example: {
    bad: "CREATE TABLE film (special_features text[]);",
    good: "CREATE TABLE film (special_features jsonb); -- or a film_feature (film_id, feature) table",
  },
  kinds: TYPE_DECLARING_KINDS,
  checkStatement(ctx) {
    for (const d of declaredTypes(ctx)) {
      if (!d.type.arrayDims) continue;
      ctx.report({
        message: `${d.label} is an array (${displayType(d.type)}); DSQL cannot store array columns`,
        location: d.location,
        object: d.object,
      });
    }
  },
});
