import { strings } from "@/lib/ingest/ast";
import { columnsOfUserType, namedObject, TYPE_DECLARING_KINDS } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "range-or-base-type",
  title: "Range, base or shell type",
  severity: "blocker",
  category: "types",
  fixKind: "manual",
  effort: "significant",
  docsUrl: SOURCES.TYPES,
  why: "DSQL cannot define new range types, base types (with C input/output functions) or shell types; columns of such types have nothing to map to.",
  fix: "Store ranges as two bound columns (with a CHECK lower <= upper); replace custom base types with a supported type and application-side validation.",
  catalogRows: [58, "T:range"],
  example: {
    bad: "CREATE TYPE floatrange AS RANGE (subtype = float8);",
    good: "CREATE TABLE reading (low float8, high float8, CHECK (low <= high));",
  },
  kinds: ["CreateRangeStmt", "DefineStmt", ...TYPE_DECLARING_KINDS],
  checkStatement(ctx) {
    const { stmt, builder, report } = ctx;
    const n = stmt.node;
    if (stmt.kind === "CreateRangeStmt") {
      const obj = namedObject(builder, strings(n.typeName), "type");
      report({ message: `range type ${obj.name} is not supported`, object: obj });
      return;
    }
    if (stmt.kind === "DefineStmt") {
      if (n.kind !== "OBJECT_TYPE") return;
      const obj = namedObject(builder, strings(n.defnames), "type");
      report({ message: `${n.definition ? "base" : "shell"} type ${obj.name} is not supported`, object: obj });
      return;
    }
    for (const { d, type } of columnsOfUserType(ctx, ["range", "base", "shell"])) {
      report({
        message: `${d.label} has user-defined ${type.kind} type ${type.name}, which DSQL cannot store`,
        location: d.location,
        object: d.object,
      });
    }
  },
});
