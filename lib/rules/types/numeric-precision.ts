import { CAPABILITIES, isSupported } from "../core/capabilities";
import { declaredTypes, TYPE_DECLARING_KINDS } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "numeric-precision",
  title: "numeric precision or scale beyond DSQL's limit",
  severity: "blocker",
  category: "types",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.TYPES,
  why: "DSQL caps numeric at precision 1000 and scale −1000..1000 since 2026-08-25; before that the caps were precision 38 and scale 37 (`NUMERIC precision <n> must be between 1 and …`).",
  fix: "Lower the declared precision to what the data needs, target 2026-08-25 or later, or store very large exact values as text.",
  catalogRows: [60, "Q:numeric-precision"],
  example: {
    bad: "CREATE TABLE ledger (amount numeric(50,2)); -- before 2026-08-25",
    good: "CREATE TABLE ledger (amount numeric(38,2));",
    targetDate: "2026-08-24",
  },
  kinds: TYPE_DECLARING_KINDS,
  checkStatement(ctx) {
    const wide = isSupported(CAPABILITIES.numericPrecision1000, ctx.targetDate);
    const maxP = wide ? 1000 : 38;
    const maxS = wide ? 1000 : 37;
    for (const d of declaredTypes(ctx)) {
      if (d.type.name !== "numeric" || !d.type.mods.length || (d.type.schema && d.type.schema !== "pg_catalog")) continue;
      const [p, s = 0] = d.type.mods;
      if (p <= maxP && Math.abs(s) <= maxS) continue;
      const limit = wide ? "precision 1000 and scale ±1000" : `precision 38 and scale 37 before ${CAPABILITIES.numericPrecision1000.since}`;
      ctx.report({
        message: `${d.label} is numeric(${d.type.mods.join(",")}); DSQL allows at most ${limit}`,
        location: d.location,
        object: d.object,
      });
    }
  },
});
