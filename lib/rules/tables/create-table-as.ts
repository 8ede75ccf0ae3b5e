import { tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** CREATE TABLE … AS and SELECT … INTO. Materialized views (same node) belong to the view rules. */
export default defineRule({
  id: "create-table-as",
  title: "CREATE TABLE AS / SELECT INTO",
  severity: "blocker",
  category: "tables",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL does not support creating a table from a query (`unsupported statement: CreateTableAs`). A single statement copying many rows would also exceed the 3,000-row transaction limit.",
  fix: "Write `CREATE TABLE` with explicit columns and a primary key, then copy rows with `INSERT … SELECT` in batches of at most 3,000 rows, each in its own transaction.",
  catalogRows: [19],
  example: {
    bad: "CREATE TABLE film_backup AS SELECT * FROM film;",
    good: "CREATE TABLE film_backup (film_id uuid PRIMARY KEY, title text NOT NULL);\nINSERT INTO film_backup SELECT film_id, title FROM film ORDER BY film_id LIMIT 3000;",
  },
  kinds: ["CreateTableAsStmt", "SelectStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (stmt.kind === "CreateTableAsStmt") {
      if (n.objtype !== "OBJECT_TABLE") return;
      const t = tableRef(builder, n.into?.rel);
      const source = n.query?.ExecuteStmt ? "EXECUTE" : "a query";
      report({
        message: `table ${t.schema}.${t.name} is created from ${source} (CREATE TABLE AS); DSQL needs CREATE TABLE with explicit columns, then batched INSERT … SELECT`,
        location: n.into?.rel?.location,
        object: t,
      });
      return;
    }
    if (!n.intoClause) return;
    const t = tableRef(builder, n.intoClause.rel);
    report({
      message: `SELECT … INTO ${t.name} creates a table from a query; DSQL needs CREATE TABLE, then batched INSERT … SELECT`,
      location: n.intoClause.rel?.location,
      object: t,
    });
  },
});
