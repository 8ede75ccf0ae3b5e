/** Suggestions for manual work items, by rule (and "dependency" for objects that follow another out). */
export const SUGGESTIONS: Record<string, string> = {
  trigger:
    "Move the trigger's logic into the application's write path (a repository/service hook that runs in the same transaction), or into a SQL function the application calls; for audit/last-updated columns, set the value in the INSERT/UPDATE statement. For asynchronous side effects, consume DSQL CDC streams (Kinesis).",
  "non-sql-function":
    "Rewrite as a LANGUAGE sql function (RETURN expr or BEGIN ATOMIC … END) when it is pure SQL; otherwise move the logic to the application or an AWS Lambda function. Dynamic SQL, loops and exception handling cannot stay in the database.",
  procedure:
    "DSQL has no user procedures: call the steps from the application (one transaction each, within 3,000 rows) or turn read-only parts into SQL functions.",
  "create-rule": "Replace the rule with an explicit statement in the application (or an updatable view for simple redirection).",
  "row-level-security":
    "Filter by tenant/user in the application or through views that apply the predicate (security_barrier); grant access to the views, not the tables.",
  "materialized-view":
    "Use a regular view if the query is fast enough, or a summary table refreshed by a scheduled job (batched INSERT … SELECT / DELETE within 3,000 rows per transaction).",
  "event-trigger":
    "DDL is deployed by your migration tool on DSQL: enforce the checks in CI (e.g. dsql-preflight analyze) instead of event triggers.",
  extension:
    "DSQL has no extensions: use built-ins (gen_random_uuid()), application code, or another AWS service (OpenSearch for search, a vector store for embeddings).",
  "index-method":
    "DSQL indexes are B-tree only: replace GIN/GiST/trigram/hash indexes with B-tree indexes on extracted columns, a join table, or an external search service.",
  "unsupported-key-type": "Index a derived column instead (e.g. a stored generated text/bigint column) or drop the index.",
  "exclusion-constraint":
    "Enforce the exclusion in the application (check-then-insert with SELECT … FOR UPDATE and retry) or with a unique key on discretised values.",
  "create-table-as": "Create the table with explicit columns, then fill it with INSERT … SELECT in batches of at most 3,000 rows.",
  "temporary-table": "Use CTEs/subqueries, or a regular table keyed by session and cleaned up by the application.",
  "do-block": "Run the block's logic from the migration tool or application code.",
  "do-block-plpgsql":
    "DSQL runs the block (PL/pgSQL), as one transaction: run it once at its point in the migration, keeping one DDL statement per block and no DDL mixed with data changes.",
  "call-plpgsql":
    "DSQL runs the procedure: make the call from the migration tool or application at its point in the migration (each COMMIT inside it ends a DSQL transaction).",
  "routine-body":
    "Change the statements the findings point at inside the body (each finding names its line): DSQL rejects them when the routine runs; see each rule's fix.",
  "foreign-table": "DSQL has no foreign data wrappers: load the data (ETL) or federate in the application.",
  publication: "DSQL has no logical replication: use DSQL CDC streams (Kinesis) for change capture.",
  "alter-column-type": "Add a column with the new type, backfill it in batches, switch the application, then drop the old column.",
  "unsupported-object-kind": "DSQL does not support this object kind; move the behaviour to the application.",
  dependency: "Rewrite after the object it depends on has a DSQL replacement.",
  "range-or-base-type": "Replace the type with DSQL types (e.g. two bound columns for a range).",
  "unsupported-column-type": "Review the mapped column type and adjust queries that relied on the original type's operators.",
  aggregate: "DSQL has no user-defined aggregates: aggregate with built-ins (string_agg, array_agg) or in the application.",
  "unsupported-alter-table-action": "Remove the action; recreate the table if the change is structural.",
  "set-not-null": "Declare NOT NULL in CREATE TABLE, or recreate the table and copy the data in batches.",
  "newer-postgres-feature":
    "Write it the PostgreSQL 16 way: NOT NULL declared in CREATE TABLE, a new generated column instead of SET EXPRESSION, the constraint dropped or added anew as NOT VALID and validated.",
  "primary-key-change": "Create the table with its final primary key, copy the data in batches, then rename.",
};
