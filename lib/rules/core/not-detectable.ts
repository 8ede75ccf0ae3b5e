/**
 * Catalog rows (../shared/dsql-compat.md §1) that no rule can find in SQL text, with the reason.
 * Row number → one-line reason; the rule docs print it in the coverage table.
 */
export const NOT_DETECTABLE: Record<string, string> = {
  "4": "The server time zone is a property of the source server, not of schema SQL; sessions may still SET TimeZone on DSQL.",
  "10": "statement_timeout and server-side cancellation are runtime behaviour of the client and server, not visible in DDL.",
  "12": "TLS/SNI requirements concern client drivers and connection settings, which SQL files do not contain.",
  "14": "Scale-to-zero wake-up latency is cluster runtime behaviour; nothing in SQL text triggers it.",
  "25": "CREATE TABLE … LIKE … INCLUDING is supported as written; there is nothing to flag.",
  "39": "Concurrent-DDL visibility (OC001 retries) depends on other sessions running at the same time, not on the SQL text.",
  "49": "Asynchronous index build time and the wait for its job are deployment behaviour; index-not-async covers the syntax.",
  "68": "SECURITY DEFINER functions are supported per AWS docs; there is nothing to flag.",
  "80": "Whether the admin role can manage an object depends on which role runs the DDL at deploy time, not on the SQL text.",
  "93": "COUNT(*) timing out depends on table size at runtime; the SQL text carries no row counts.",
  "105": "Relying on result order without ORDER BY is an application assumption that SQL text cannot reveal.",
  // §3 quotas and limits (keys as the catalog table names them)
  "Q:single-region-clusters-per-account-per-region":
    "An AWS account quota on clusters; a schema says nothing about how many clusters an account runs.",
  "Q:multi-region-clusters-per-account-per-region":
    "An AWS account quota on clusters; a schema says nothing about how many clusters an account runs.",
  "Q:storage-per-cluster": "Depends on data volume; a live-source assessment reports measured table and index sizes against it.",
  "Q:concurrent-restore-jobs": "A backup/restore control-plane quota, unrelated to schema SQL.",
  "Q:cdc-streams-per-cluster": "CDC streams are created through the AWS API, not SQL.",
  "Q:row-size":
    "Row size depends on the values stored; declared types are mostly unbounded (text, bytea, jsonb). A live source reports measured average row width.",
  "Q:non-key-column-value": "Value sizes depend on the data, not the declared type; a live source reports measured widths.",
  "Q:query-memory-temp-space": "Temp space depends on the data and plan at run time, not on SQL text.",
  "Q:protocol-message-size": "Message size depends on the values a client sends at run time.",
  "Q:max-database-size": "Equals the storage quota; it depends on data volume, not on SQL.",
};
