import { columnsOfUserType, namedObject, relObject, TYPE_DECLARING_KINDS } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "composite-type",
  title: "Composite type",
  severity: "blocker",
  category: "types",
  fixKind: "auto",
  effort: "medium",
  docsUrl: SOURCES.CREATE_FUNCTION,
  why: "DSQL rejects CREATE TYPE … AS (…) (`unsupported statement: CompositeType`); columns and functions using the type must change with it.",
  fix: "Store the fields as separate columns or as one jsonb column; functions returning the type can return a table's row type or TABLE (…) instead.",
  catalogRows: [57, "T:composite"],
  example: {
    bad: "CREATE TYPE address AS (street text, city text); CREATE TABLE customer (addr address);",
    good: "CREATE TABLE customer (addr_street text, addr_city text); -- or addr jsonb",
  },
  kinds: ["CompositeTypeStmt", ...TYPE_DECLARING_KINDS],
  checkStatement(ctx) {
    const { stmt, builder, report } = ctx;
    if (stmt.kind === "CompositeTypeStmt") {
      const obj = relObject(builder, stmt.node.typevar, "type");
      report({
        message: `composite type ${obj.name} is not supported`,
        object: namedObject(builder, [obj.schema ?? "", obj.name], "type"),
      });
      return;
    }
    for (const { d, type } of columnsOfUserType(ctx, ["composite"])) {
      report({
        message: `${d.label} has composite type ${type.name}; use separate columns or jsonb`,
        location: d.location,
        object: d.object,
      });
    }
  },
});
