import { strings } from "@/lib/ingest/ast";
import { columnsOfUserType, namedObject, TYPE_DECLARING_KINDS } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "enum-type",
  title: "Enum type",
  severity: "blocker",
  category: "types",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.TYPES,
  why: "DSQL has no enum types (`unsupported statement: CreateEnum`); ALTER TYPE … ADD VALUE fails with them, and every column of the enum type must change.",
  fix: "Use text (or varchar) with `CHECK (col IN ('G','PG',…))`, or a lookup table with a foreign key. Adding a value later means changing the CHECK.",
  catalogRows: [56, "T:enum"],
  example: {
    bad: "CREATE TYPE mpaa_rating AS ENUM ('G','PG','R'); CREATE TABLE film (rating mpaa_rating);",
    good: "CREATE TABLE film (rating text CHECK (rating IN ('G','PG','R')));",
  },
  kinds: ["CreateEnumStmt", "AlterEnumStmt", ...TYPE_DECLARING_KINDS],
  checkStatement(ctx) {
    const { stmt, builder, report } = ctx;
    if (stmt.kind === "CreateEnumStmt" || stmt.kind === "AlterEnumStmt") {
      const obj = namedObject(builder, strings(stmt.node.typeName), "type");
      const what =
        stmt.kind === "CreateEnumStmt"
          ? `enum type ${obj.name} (${(stmt.node.vals ?? []).length} values)`
          : `ALTER TYPE ${obj.name} ${stmt.node.oldVal ? "RENAME VALUE" : "ADD VALUE"}`;
      report({ message: `${what} is not supported; DSQL has no enum types`, object: obj });
      return;
    }
    for (const { d, type } of columnsOfUserType(ctx, ["enum"])) {
      report({
        message: `${d.label} has enum type ${type.name}; change it to text with a CHECK constraint`,
        location: d.location,
        object: d.object,
      });
    }
  },
});
