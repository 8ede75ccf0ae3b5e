import { defineRule } from "../core/rule";

/**
 * Emitted by the analyzer for a file with Flyway / Liquibase `${name}` placeholders (ingest/lex.ts reads
 * each as a stand-in name of the same length) or psql variables (`:name`, read as the name). Advice: the SQL
 * is assessed, but with a stand-in for a value only the migration tool or psql knows.
 */
export default defineRule({
  id: "migration-placeholder",
  title: "Migration placeholders and psql variables read as plain names",
  severity: "advice",
  category: "parse",
  fixKind: "manual",
  effort: "simple",
  docsUrl: "https://red-gate.com/hub/product-learning/flyway/passing-parameters-and-settings-to-flyway-scripts",
  why: "Flyway and Liquibase replace `${name}` placeholders (a schema, a role, an environment) before a migration runs; PostgreSQL has no such syntax, so as written every statement with one fails to parse. psql scripts do the same with variables (`:schema`, `:'literal'`, `:\"identifier\"`, set by `\\set` or `psql -v`). The assessment reads each as a name standing in for its value and says so: findings name such objects with the placeholder as written, and the rewrite keeps it as written (with the script's `\\set` commands at the top of its psql script).",
  fix: "Nothing to change for the move. If a placeholder or variable stands for something DSQL treats differently (a tablespace, an extension schema), check the value the migration tool or psql substitutes.",
  catalogRows: [],
  example: {
    bad: "CREATE TABLE ${schema}.users (id uuid PRIMARY KEY);",
    good: "CREATE TABLE app.users (id uuid PRIMARY KEY);",
  },
});
