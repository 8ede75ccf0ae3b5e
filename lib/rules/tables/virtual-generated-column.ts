import { declaredTypes, TYPE_DECLARING_KINDS } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "virtual-generated-column",
  title: "VIRTUAL generated column",
  severity: "blocker",
  category: "tables",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.CREATE_TABLE,
  why: "VIRTUAL generated columns arrived in PostgreSQL 18 (and are its default); DSQL is PostgreSQL 16 compatible and only has GENERATED ALWAYS AS (…) STORED.",
  fix: "Write STORED instead of VIRTUAL (the value is then computed on write and takes storage), or compute it in a view.",
  catalogRows: [63],
  example: {
    bad: "CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) VIRTUAL);",
    good: "CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED);",
  },
  kinds: TYPE_DECLARING_KINDS,
  checkStatement(ctx) {
    for (const d of declaredTypes(ctx)) {
      for (const c of d.column?.constraints ?? []) {
        if (c.Constraint?.contype !== "CONSTR_GENERATED" || c.Constraint.generated_kind !== "v") continue;
        ctx.report({
          message: `${d.label} is a VIRTUAL generated column; DSQL only supports STORED`,
          location: c.Constraint.location,
          object: d.object,
        });
      }
    }
  },
});
