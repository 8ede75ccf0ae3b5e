import { strings } from "@/lib/ingest/ast";
import type { AstNode } from "@/lib/ingest/parse";
import { columnRef, tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** Collations that sort by bytes, which is what DSQL does anyway. */
const C_LIKE = new Set(["c", "posix", "default"]);

function collationName(names: AstNode[] | undefined): string {
  const parts = strings(names);
  return parts[parts.length - 1] ?? "";
}

/** Column, domain and expression COLLATE clauses, and CREATE COLLATION. Index key collations belong to the index rules. */
export default defineRule({
  id: "non-c-collation",
  title: "Collation other than C",
  severity: "blocker",
  category: "types",
  fixKind: "auto",
  effort: "medium",
  docsUrl: SOURCES.MIG,
  why: "DSQL uses the C collation only: `COLLATE` clauses naming any other collation are rejected, and text sorts and compares by byte order (`Banana` sorts before `apple`).",
  fix: "Remove the COLLATE clause. Where the application relies on locale-aware ordering or case-insensitive comparison, sort in the application or compare `lower(col)`; check ORDER BY results and unique keys that depended on the collation.",
  catalogRows: [3],
  example: {
    bad: 'CREATE TABLE customer (name text COLLATE "de_DE");',
    good: "CREATE TABLE customer (name text);",
  },
  kinds: ["CreateStmt", "AlterTableStmt", "CreateDomainStmt", "DefineStmt", "ViewStmt", "SelectStmt"],
  checkStatement({ stmt, nodes, builder, report }) {
    const n = stmt.node;
    if (stmt.kind === "DefineStmt") {
      if (n.kind === "OBJECT_COLLATION") {
        report({
          message: `CREATE COLLATION ${strings(n.defnames).join(".")}: DSQL supports only the C collation`,
          object: { kind: "collation", name: strings(n.defnames).join(".") },
        });
      }
      return;
    }
    if (stmt.kind === "CreateDomainStmt") {
      const coll = collationName(n.collClause?.collname);
      if (coll && !C_LIKE.has(coll.toLowerCase())) {
        const parts = strings(n.domainname);
        report({
          message: `domain ${parts.join(".")} uses collation "${coll}"; DSQL supports only C`,
          location: n.collClause.location,
          object: { kind: "domain", name: parts.join(".") },
        });
      }
      return;
    }
    if (stmt.kind === "CreateStmt" || stmt.kind === "AlterTableStmt") {
      const table = tableRef(builder, n.relation);
      for (const cd of nodes("ColumnDef")) {
        const coll = collationName(cd.collClause?.collname);
        if (!coll || C_LIKE.has(coll.toLowerCase())) continue;
        const colName =
          cd.colname ??
          (stmt.kind === "AlterTableStmt"
            ? n.cmds?.find((c: AstNode) => c.AlterTableCmd?.def?.ColumnDef === cd)?.AlterTableCmd?.name
            : undefined) ??
          "?";
        report({
          message: `column ${table.name}.${colName} uses collation "${coll}"; DSQL supports only C`,
          location: cd.collClause.location,
          object: columnRef(table, colName),
        });
      }
    }
    // COLLATE in expressions: CHECK constraints, defaults, view and query text.
    for (const cc of nodes("CollateClause")) {
      const coll = collationName(cc.collname);
      if (!coll || C_LIKE.has(coll.toLowerCase())) continue;
      report({
        message: `expression uses COLLATE "${coll}"; DSQL supports only C`,
        location: cc.location,
        object:
          stmt.kind === "ViewStmt"
            ? { kind: "view", ...builder.qualify({ schema: n.view?.schemaname, name: n.view?.relname ?? "" }) }
            : undefined,
      });
    }
  },
});
