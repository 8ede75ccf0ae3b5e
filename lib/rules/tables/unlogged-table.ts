import { tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "unlogged-table",
  title: "Unlogged table",
  severity: "blocker",
  category: "tables",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.CREATE_TABLE,
  why: "UNLOGGED is not part of DSQL's CREATE TABLE syntax: every table is durable and replicated.",
  fix: "Drop the UNLOGGED keyword. Expect writes to cost what a normal table's do.",
  catalogRows: [16],
  example: {
    bad: "CREATE UNLOGGED TABLE session_cache (id uuid PRIMARY KEY, data text);",
    good: "CREATE TABLE session_cache (id uuid PRIMARY KEY, data text);",
  },
  kinds: ["CreateStmt", "CreateTableAsStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    const rel = stmt.kind === "CreateStmt" ? n.relation : n.into?.rel;
    if (rel?.relpersistence !== "u") return;
    const t = tableRef(builder, rel);
    report({ message: `table ${t.schema}.${t.name} is UNLOGGED; DSQL has only durable tables`, location: rel.location, object: t });
  },
});
