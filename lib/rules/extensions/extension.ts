import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** What to use on DSQL instead of each common extension. */
export const EXTENSION_ALTERNATIVES: Record<string, string> = {
  plpgsql: "PL/pgSQL is built in; just remove the statement",
  "uuid-ossp": "use the built-in gen_random_uuid() instead of uuid_generate_v4()",
  pgcrypto:
    "gen_random_uuid(), md5() and sha256()/sha512() are built in; do password hashing and encryption in the application or with AWS KMS",
  citext: "store text and compare lower(col) (expression indexes exist since 2026-08-13), or normalise case in the application",
  hstore: "store key/value data as jsonb (supported since 2026-06-08)",
  pg_trgm: "no trigram matching or GIN/GiST indexes; use prefix searches on a btree index, or Amazon OpenSearch Service for fuzzy search",
  fuzzystrmatch: "compute levenshtein/soundex in the application",
  unaccent: "strip accents in the application before storing a search column",
  postgis:
    "no spatial types or indexes; store coordinates in numeric/float columns or GeoJSON text and use Amazon Location Service or OpenSearch geo queries",
  postgis_topology: "no spatial support; see postgis",
  postgis_raster: "no spatial support; see postgis",
  vector: "no vector type; keep embeddings in Aurora PostgreSQL with pgvector, Amazon OpenSearch Service or Amazon S3 Vectors",
  btree_gist: "DSQL has no GiST indexes; use btree indexes",
  btree_gin: "DSQL has no GIN indexes; use btree indexes",
  intarray: "array columns are not supported; model the values as rows of a child table",
  ltree: "store the path as text and query prefixes with a btree index",
  pg_stat_statements: "use EXPLAIN ANALYZE and CloudWatch metrics",
  pgaudit: "use AWS CloudTrail for auditing",
  postgres_fdw: "query the other database from the application",
  dblink: "query the other database from the application",
  pg_cron: "schedule jobs with Amazon EventBridge Scheduler and AWS Lambda",
  pg_partman: "DSQL partitions data automatically; drop partition management",
  timescaledb: "use plain tables with a well-distributed primary key (or Amazon Timestream)",
  tablefunc: "pivot in the query with CASE/FILTER or in the application",
  earthdistance: "compute distances in SQL arithmetic or the application",
  cube: "not available; compute in the application",
  pg_repack: "not needed: DSQL has no table bloat to repack",
  pgstattuple: "not available; DSQL manages storage",
  pg_buffercache: "not available; DSQL manages memory",
  isn: "store ISBN/EAN values as text with CHECK constraints",
};

export default defineRule({
  id: "extension",
  title: "Extension",
  severity: "blocker",
  category: "extensions",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL does not support extensions (`unsupported statement: CreateExtension`); only built-in PL/pgSQL exists. Types, functions and index methods an extension provides are missing too.",
  fix: "Remove CREATE EXTENSION and replace what the schema used from it: gen_random_uuid() for uuid-ossp, jsonb for hstore, application code or another AWS service for the rest.",
  catalogRows: [8],
  example: {
    bad: 'CREATE EXTENSION IF NOT EXISTS "uuid-ossp";',
    good: "-- none needed: gen_random_uuid() is built in",
  },
  kinds: ["CreateExtensionStmt", "AlterExtensionStmt", "AlterExtensionContentsStmt", "CommentStmt", "DropStmt"],
  checkStatement({ stmt, report }) {
    const n = stmt.node;
    const advise = (name: string) =>
      EXTENSION_ALTERNATIVES[name.toLowerCase()] ?? "find an application-side or AWS-service replacement for what it provides";
    let name: string | undefined;
    let verb = "";
    if (stmt.kind === "CreateExtensionStmt") [name, verb] = [n.extname, "CREATE EXTENSION"];
    else if (stmt.kind === "AlterExtensionStmt" || stmt.kind === "AlterExtensionContentsStmt")
      [name, verb] = [n.extname, "ALTER EXTENSION"];
    else if (stmt.kind === "CommentStmt" && n.objtype === "OBJECT_EXTENSION")
      [name, verb] = [n.object?.String?.sval, "COMMENT ON EXTENSION"];
    else if (stmt.kind === "DropStmt" && n.removeType === "OBJECT_EXTENSION") {
      for (const o of n.objects ?? []) {
        const ext = o.String?.sval;
        if (ext) report({ message: `DROP EXTENSION ${ext}: DSQL has no extensions`, object: { kind: "extension", name: ext } });
      }
      return;
    }
    if (!name) return;
    const message =
      stmt.kind === "CreateExtensionStmt"
        ? `extension ${name} is not available on DSQL; ${advise(name)}`
        : `${verb} ${name} fails on DSQL, which has no extensions; remove it with the CREATE EXTENSION`;
    report({ message, object: { kind: "extension", name } });
  },
});
