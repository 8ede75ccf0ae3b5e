import { strings } from "@/lib/ingest/ast";
import type { AstNode } from "@/lib/ingest/parse";
import { namedObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** ObjectType → words for messages; these objects cannot be created, altered or dropped in DSQL. */
const OBJECT_TYPES: Record<string, string> = {
  OBJECT_AGGREGATE: "aggregate",
  OBJECT_OPERATOR: "operator",
  OBJECT_OPCLASS: "operator class",
  OBJECT_OPFAMILY: "operator family",
  OBJECT_CAST: "cast",
  OBJECT_COLLATION: "collation",
  OBJECT_TSCONFIGURATION: "text search configuration",
  OBJECT_TSDICTIONARY: "text search dictionary",
  OBJECT_TSPARSER: "text search parser",
  OBJECT_TSTEMPLATE: "text search template",
  OBJECT_CONVERSION: "conversion",
  OBJECT_LANGUAGE: "language",
  OBJECT_ACCESS_METHOD: "access method",
  OBJECT_TRANSFORM: "transform",
};

const STATEMENTS: Record<string, string> = {
  CreateOpClassStmt: "operator class",
  CreateOpFamilyStmt: "operator family",
  AlterOpFamilyStmt: "operator family",
  CreateCastStmt: "cast",
  CreateConversionStmt: "conversion",
  CreatePLangStmt: "language",
  CreateAmStmt: "access method",
  CreateTransformStmt: "transform",
  AlterTSConfigurationStmt: "text search configuration",
  AlterTSDictionaryStmt: "text search dictionary",
  AlterCollationStmt: "collation",
  AlterOperatorStmt: "operator",
};

function nameOf(n: AstNode): string[] {
  const list = n.defnames ?? n.opclassname ?? n.opfamilyname ?? n.conversion_name ?? n.cfgname ?? n.dictname ?? n.collname;
  if (list) return strings(list);
  if (n.plname) return [n.plname];
  if (n.amname && !n.opclassname && !n.opfamilyname) return [n.amname];
  if (n.opername?.objname) return strings(n.opername.objname);
  const obj = n.object;
  if (obj?.List) return strings(obj.List.items);
  if (obj?.ObjectWithArgs) return strings(obj.ObjectWithArgs.objname);
  if (obj?.String) return [obj.String.sval];
  return [];
}

export default defineRule({
  id: "unsupported-object-kind",
  title: "Custom aggregate, operator, cast, collation, text search object, conversion, language or access method",
  severity: "blocker",
  category: "procedural-code",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.SQL,
  why: "DSQL's DDL covers tables, views, indexes, sequences, domains, SQL functions, schemas and roles only; custom aggregates, operators, operator classes/families, casts, collations, text search configurations, conversions, languages and access methods cannot be created or altered.",
  fix: "Remove the object; replace a custom aggregate or operator with a SQL function or query, and move text search to an external service.",
  catalogRows: [75],
  example: {
    bad: "CREATE AGGREGATE group_concat(text) (SFUNC = _group_concat, STYPE = text);",
    good: "SELECT string_agg(name, ', ') FROM actor; -- built-in aggregate",
  },
  kinds: ["DefineStmt", ...Object.keys(STATEMENTS), "RenameStmt", "AlterOwnerStmt", "AlterObjectSchemaStmt", "DropStmt", "CommentStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    let what: string | undefined;
    let verb = "CREATE";
    switch (stmt.kind) {
      case "DefineStmt":
        // CREATE COLLATION is reported by non-c-collation (row 3).
        what = n.kind === "OBJECT_COLLATION" ? undefined : OBJECT_TYPES[n.kind];
        break;
      case "RenameStmt":
        what = OBJECT_TYPES[n.renameType];
        verb = "ALTER";
        break;
      case "AlterOwnerStmt":
      case "AlterObjectSchemaStmt":
        what = OBJECT_TYPES[n.objectType];
        verb = "ALTER";
        break;
      case "DropStmt":
        what = OBJECT_TYPES[n.removeType];
        verb = "DROP";
        if (what) {
          const first = n.objects?.[0];
          const parts = first?.List
            ? strings(first.List.items)
            : first?.ObjectWithArgs
              ? strings(first.ObjectWithArgs.objname)
              : first?.String
                ? [first.String.sval]
                : [];
          report({
            message: `DROP ${what.toUpperCase()} ${parts.join(".")} is not supported`,
            object: namedObject(builder, parts, what.replace(/ /g, "-")),
          });
        }
        return;
      case "CommentStmt":
        return; // COMMENT ON an unsupported object fails with the object; no separate finding
      default:
        what = STATEMENTS[stmt.kind];
        verb = stmt.kind.startsWith("Alter") ? "ALTER" : "CREATE";
    }
    if (!what) return;
    const parts = nameOf(n);
    report({
      message: `${verb} ${what.toUpperCase()} ${parts.join(".")} is not supported`.trim(),
      object: namedObject(builder, parts, what.replace(/ /g, "-")),
    });
  },
});
