import { defineRule } from "../core/rule";

/**
 * Reported for a statement the parser read in its corrected form (see ingest/foreign-syntax.ts): the file
 * was written for an older PostgreSQL, and as written neither PostgreSQL 16+ nor DSQL accept it.
 */
export default defineRule({
  id: "older-postgres-syntax",
  title: "Written for an older PostgreSQL (fails on PostgreSQL 16+ and DSQL as written)",
  severity: "blocker",
  category: "parse",
  fixKind: "auto",
  effort: "simple",
  docsUrl: "https://www.postgresql.org/docs/current/sql-keywords-appendix.html",
  why: "Dumps from PostgreSQL 15 and older can hold what newer servers reject: a function parameter named json is written unquoted (json became a keyword in PostgreSQL 16), and PostgreSQL 11 and older write WITH OIDS. DSQL, PostgreSQL 16 compatible, rejects such a statement as a syntax error, and so does this tool's PostgreSQL 18 parser.",
  fix: 'Quote the name ("json") or delete WITH OIDS. The statement is assessed and rewritten in that corrected form, which the rewrite writes out; the diff shows the change.',
  catalogRows: [],
  example: {
    bad: "CREATE FUNCTION kind_of(json json) RETURNS text LANGUAGE sql AS $$ SELECT json ->> 'kind' $$;",
    good: 'CREATE FUNCTION kind_of("json" json) RETURNS text LANGUAGE sql AS $$ SELECT "json" ->> \'kind\' $$;',
  },
  checkStatement({ stmt, report }) {
    if (!stmt.olderSyntax) return;
    report({ message: `read in its corrected form: ${stmt.olderSyntax.hint}`, fix: "auto" });
  },
});
