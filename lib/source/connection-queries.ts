/**
 * The SQL of the connection audit, shared by the live collector and the offline psql collector:
 * one sample of pg_stat_activity (client backends of this database, without the assessment's own
 * session) and the server settings that bound connections and transactions. Read-only, no query
 * texts (they can hold secrets and are not needed to judge connection handling).
 *
 * Portability across PostgreSQL 12–18: pg_stat_database.sessions (14+) and pg_stat_gssapi columns are
 * read through to_jsonb(row)->>'column', which yields NULL where they do not exist.
 */

/** Number of pg_stat_activity samples taken over the sampling interval (evenly spaced, both ends included). */
export const ACTIVITY_SAMPLES = 7;

/** One sample of the sessions connected to this database, without assessment sessions. Without pg_read_all_stats, other roles' rows carry no times or state. */
export const ACTIVITY_SQL = `
SELECT /* dsql-preflight */ json_build_object(
 'at', clock_timestamp(),
 'sessionsTotal', (SELECT (to_jsonb(d)->>'sessions')::bigint FROM pg_catalog.pg_stat_database d WHERE d.datname = current_database()),
 'sessions', (SELECT coalesce(json_agg(json_build_object(
     'pid', a.pid, 'user', a.usename, 'application', a.application_name,
     'client', CASE WHEN a.client_addr IS NOT NULL THEN host(a.client_addr) WHEN a.client_port = -1 THEN 'local socket' END,
     'backendStart', a.backend_start, 'xactStart', a.xact_start, 'queryStart', a.query_start, 'stateChange', a.state_change,
     'state', a.state, 'ssl', s.ssl, 'clientCert', s.client_dn IS NOT NULL, 'gss', (to_jsonb(g)->>'gss_authenticated')::boolean
   ) ORDER BY a.pid), '[]')
   FROM pg_catalog.pg_stat_activity a
   LEFT JOIN pg_catalog.pg_stat_ssl s ON s.pid = a.pid
   LEFT JOIN pg_catalog.pg_stat_gssapi g ON g.pid = a.pid
   WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND coalesce(a.backend_type, 'client backend') = 'client backend'
     -- Assessment sessions (this one, or another collection running at the same time) are not the application.
     AND a.application_name NOT LIKE 'dsql-preflight%')
) AS j`;

/** Settings that bound connections and transactions, with where each value came from, plus per-role/database overrides. */
export const CONNECTION_SETTINGS_SQL = `
SELECT /* dsql-preflight */ json_build_object(
 'settings', (SELECT coalesce(json_agg(json_build_object('name', s.name, 'setting', s.setting, 'unit', s.unit, 'source', s.source, 'resetVal', s.reset_val) ORDER BY s.name), '[]')
   FROM pg_catalog.pg_settings s
   WHERE s.name IN ('max_connections', 'superuser_reserved_connections', 'idle_in_transaction_session_timeout', 'statement_timeout', 'idle_session_timeout', 'password_encryption')),
 'overrides', (SELECT coalesce(json_agg(json_build_object('role', r.rolname, 'database', d.datname, 'config', rs.setconfig)), '[]')
   FROM pg_catalog.pg_db_role_setting rs
   LEFT JOIN pg_catalog.pg_roles r ON r.oid = rs.setrole
   LEFT JOIN pg_catalog.pg_database d ON d.oid = rs.setdatabase
   WHERE (rs.setdatabase = 0 OR d.datname = current_database())
     AND EXISTS (SELECT 1 FROM unnest(rs.setconfig) c WHERE c ~ '^(statement_timeout|idle_in_transaction_session_timeout|idle_session_timeout)='))
) AS j`;
