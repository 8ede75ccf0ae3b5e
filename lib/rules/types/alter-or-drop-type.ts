import { strings, typeName } from "@/lib/ingest/ast";
import { namedObject, relObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "alter-or-drop-type",
  title: "ALTER TYPE or DROP TYPE",
  severity: "blocker",
  category: "types",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.SQL,
  why: "DSQL's DDL has no ALTER TYPE (attributes, renames) or DROP TYPE: there are no user-defined types to change. Migration scripts that drop or reshape types fail.",
  fix: "Remove the statement together with the type it changes; apply the equivalent change to the columns or CHECK constraints that replace the type.",
  catalogRows: [58],
  example: {
    bad: "DROP TYPE IF EXISTS mpaa_rating;",
    good: "-- nothing to drop: the rating column is text with a CHECK",
  },
  kinds: ["AlterTableStmt", "DropStmt", "RenameStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (stmt.kind === "AlterTableStmt") {
      if (n.objtype !== "OBJECT_TYPE") return;
      const obj = relObject(builder, n.relation, "type");
      report({ message: `ALTER TYPE ${obj.name} (attribute changes) is not supported`, object: obj });
    } else if (stmt.kind === "DropStmt") {
      if (n.removeType !== "OBJECT_TYPE") return;
      for (const o of n.objects ?? []) {
        const obj = namedObject(builder, strings(o.TypeName?.names), "type");
        report({ message: `DROP TYPE ${obj.name || typeName(o.TypeName).name} is not supported`, object: obj });
      }
    } else if (n.renameType === "OBJECT_TYPE" || n.renameType === "OBJECT_ATTRIBUTE") {
      const obj = n.relation ? relObject(builder, n.relation, "type") : namedObject(builder, strings(n.object?.List?.items), "type");
      report({ message: `ALTER TYPE ${obj.name} RENAME is not supported`, object: obj });
    }
  },
});
