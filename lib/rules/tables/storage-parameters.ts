import type { AstNode } from "@/lib/ingest/parse";
import { tableCommands, tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const names = (list: AstNode[] | undefined): string[] => (list ?? []).map((d) => d.DefElem?.defname).filter(Boolean);

/** Table (and column) storage parameters: CREATE TABLE … WITH (…), ALTER TABLE SET/RESET (…). */
export default defineRule({
  id: "storage-parameters",
  title: "Table storage parameters",
  severity: "blocker",
  category: "tables",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.CREATE_TABLE,
  why: "DSQL's CREATE TABLE has no WITH (…) clause and ALTER TABLE has no SET/RESET (…): fillfactor, autovacuum_* and similar PostgreSQL storage settings have no meaning there.",
  fix: "Delete the WITH (…) clause or the SET/RESET (…) statement.",
  catalogRows: [20],
  example: {
    bad: "CREATE TABLE rental (rental_id uuid PRIMARY KEY) WITH (fillfactor = 80, autovacuum_enabled = off);",
    good: "CREATE TABLE rental (rental_id uuid PRIMARY KEY);",
  },
  kinds: ["CreateStmt", "CreateTableAsStmt", "AlterTableStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (stmt.kind === "CreateStmt" || stmt.kind === "CreateTableAsStmt") {
      const rel = stmt.kind === "CreateStmt" ? n.relation : n.into?.rel;
      const opts: AstNode[] = (stmt.kind === "CreateStmt" ? n.options : n.into?.options) ?? [];
      if (opts.length === 0) return;
      const t = tableRef(builder, rel);
      report({
        message: `table ${t.schema}.${t.name} sets storage parameters WITH (${names(opts).join(", ")}); DSQL does not support them`,
        location: opts[0].DefElem?.location,
        object: t,
      });
      return;
    }
    const t = tableRef(builder, n.relation);
    for (const cmd of tableCommands(n)) {
      const list: AstNode[] = cmd.def?.List?.items ?? [];
      const verb = {
        AT_SetRelOptions: "SET",
        AT_ResetRelOptions: "RESET",
        AT_SetOptions: "ALTER COLUMN … SET",
        AT_ResetOptions: "ALTER COLUMN … RESET",
      }[cmd.subtype as string];
      if (!verb) continue;
      const on = cmd.name ? `column ${t.name}.${cmd.name}` : `table ${t.schema}.${t.name}`;
      report({
        message: `${verb} (${names(list).join(", ")}) on ${on}: DSQL does not support storage parameters`,
        location: list[0]?.DefElem?.location ?? n.relation?.location,
        object: cmd.name ? { kind: "column", schema: t.schema, name: `${t.name}.${cmd.name}` } : t,
      });
    }
  },
});
