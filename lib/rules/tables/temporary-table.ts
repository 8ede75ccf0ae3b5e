import { tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "temporary-table",
  title: "Temporary table",
  severity: "blocker",
  category: "tables",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.MIG,
  why: "DSQL has no temporary tables (`TEMPORARY or TEMP table not supported for CREATE TABLE`), with or without ON COMMIT.",
  fix: "Use a CTE or subquery for intermediate results, or a regular table with session-specific keys that the application cleans up.",
  catalogRows: [15],
  example: {
    bad: "CREATE TEMP TABLE staging (id bigint, payload text) ON COMMIT DROP;",
    good: "WITH staging AS (SELECT …) INSERT INTO target SELECT … FROM staging;",
  },
  kinds: ["CreateStmt", "CreateTableAsStmt", "SelectStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    const rel = stmt.kind === "CreateStmt" ? n.relation : stmt.kind === "CreateTableAsStmt" ? n.into?.rel : n.intoClause?.rel;
    if (rel?.relpersistence !== "t") return;
    if (stmt.kind === "CreateTableAsStmt" && n.objtype !== "OBJECT_TABLE") return;
    const t = tableRef(builder, rel);
    report({ message: `temporary table ${t.name} is not supported on DSQL`, location: rel.location, object: t });
  },
});
