/**
 * Catalog rows (../shared/dsql-compat.md §1) that no rule can find in SQL text, with the reason.
 * Row number → one-line reason; the rule docs print it in the coverage table.
 */
export const NOT_DETECTABLE: Record<string, string> = {
  "4": "The server time zone is a property of the source server, not of schema SQL; sessions may still SET TimeZone on DSQL.",
  "10": "statement_timeout and server-side cancellation are runtime behaviour of the client and server, not visible in DDL.",
  "12": "TLS/SNI requirements concern client drivers and connection settings, which SQL files do not contain.",
  "13": "The 60-minute connection lifetime is a connection-pool setting in the application, not in SQL.",
  "14": "Scale-to-zero wake-up latency is cluster runtime behaviour; nothing in SQL text triggers it.",
  "25": "CREATE TABLE … LIKE … INCLUDING is supported as written; there is nothing to flag.",
  "39": "Concurrent-DDL visibility (OC001 retries) depends on other sessions running at the same time, not on the SQL text.",
  "49": "Asynchronous index build time and the wait for its job are deployment behaviour; index-not-async covers the syntax.",
  "63": "GENERATED … STORED is supported; whether its expression is immutable needs function volatility from the catalog, not SQL text.",
  "68": "SECURITY DEFINER functions are supported per AWS docs; there is nothing to flag.",
  "80": "Whether the admin role can manage an object depends on which role runs the DDL at deploy time, not on the SQL text.",
  "93": "COUNT(*) timing out depends on table size at runtime; the SQL text carries no row counts.",
  "105": "Relying on result order without ORDER BY is an application assumption that SQL text cannot reveal.",
};
