import { declaredTypes, TYPE_DECLARING_KINDS } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const LIMITS: Record<string, { max: number; label: string }> = {
  bpchar: { max: 4096, label: "char" },
  varchar: { max: 65535, label: "varchar" },
};

export default defineRule({
  id: "char-length-limit",
  title: "char/varchar declared longer than DSQL allows",
  severity: "blocker",
  category: "types",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.TYPES,
  why: "DSQL rejects char(n) above 4,096 and varchar(n) above 65,535 at DDL time (`Datatype limit greater than 65535 bytes not supported for varchar`). Any single value is also capped at 1 MiB.",
  fix: "Use text (optionally with a CHECK on length), or a length within the limit.",
  catalogRows: [61, "Q:char-varchar-declared-length"],
  example: {
    bad: "CREATE TABLE note (body varchar(100000));",
    good: "CREATE TABLE note (body text CHECK (length(body) <= 100000));",
  },
  kinds: TYPE_DECLARING_KINDS,
  checkStatement(ctx) {
    for (const d of declaredTypes(ctx)) {
      const limit = LIMITS[d.type.name];
      if (!limit || d.type.schema || !d.type.mods.length || d.type.mods[0] <= limit.max) continue;
      ctx.report({
        message: `${d.label} is ${limit.label}(${d.type.mods[0]}); DSQL allows at most ${limit.label}(${limit.max})`,
        location: d.location,
        object: d.object,
      });
    }
  },
});
