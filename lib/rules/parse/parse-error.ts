import { defineRule } from "../core/rule";

/** Emitted by the analyzer for every statement libpg-query cannot parse; analysis goes on with the next. */
export default defineRule({
  id: "parse-error",
  title: "Statement does not parse as PostgreSQL",
  severity: "blocker",
  category: "parse",
  fixKind: "manual",
  effort: "simple",
  docsUrl: "https://www.postgresql.org/docs/current/sql-commands.html",
  why: "The statement is not valid PostgreSQL 18 syntax, so nothing about it can be checked and DSQL will reject it too.",
  fix: "Correct the statement (the parser's message names the token), or remove it if it is not SQL (for example stray output captured in a dump).",
  catalogRows: [],
  example: { bad: "CREATE TABEL t (id int);", good: "CREATE TABLE t (id int PRIMARY KEY);" },
});
