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
  fix: "Correct the statement (the parser's message names the token, and says so when the statement shows another database's syntax; an older PostgreSQL's statement whose corrected form parses is read in that form instead, see older-postgres-syntax), or remove it if it is not SQL (for example stray output captured in a dump). The rewrite lists it as manual work; the Rewrites page checks a corrected version.",
  catalogRows: [],
  example: { bad: "CREATE TABEL t (id int);", good: "CREATE TABLE t (id int PRIMARY KEY);" },
});
