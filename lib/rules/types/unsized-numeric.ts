import { declaredTypes, TYPE_DECLARING_KINDS } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "unsized-numeric",
  title: "numeric without precision becomes numeric(18,6)",
  severity: "warning",
  category: "types",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.TYPES,
  why: "PostgreSQL's unsized numeric stores any value exactly; DSQL gives it numeric(18,6), so values with more than 6 decimals are rounded and values of 10^12 or more are rejected.",
  fix: "Declare numeric(p,s) sized to the data actually stored (check max digits and decimals in the source).",
  catalogRows: [60, "T:numeric"],
  example: {
    bad: "CREATE TABLE rate (value numeric);",
    good: "CREATE TABLE rate (value numeric(20,10));",
  },
  kinds: TYPE_DECLARING_KINDS,
  checkStatement(ctx) {
    for (const d of declaredTypes(ctx)) {
      if (d.type.name !== "numeric" || d.type.mods.length || (d.type.schema && d.type.schema !== "pg_catalog")) continue;
      ctx.report({
        message: `${d.label} is numeric without precision; DSQL makes it numeric(18,6)`,
        location: d.location,
        object: d.object,
      });
    }
  },
});
