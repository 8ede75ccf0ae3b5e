/**
 * The offline collector: one read-only psql script, generated from the same SQL as the live collector
 * (queries.ts), that writes one JSON snapshot. For networks the dashboard cannot reach. It reads only
 * catalogs and statistics views (no row data) and never prints connection details.
 *
 *   psql "postgresql://user@host/db" -v sample_seconds=60 -v out=snapshot.json -f dsql-preflight-collect.sql
 */
import { APPLICATION_NAME, CATALOG_SQL, PREFLIGHT_SQL, SAMPLE_SQL, SESSION_SETTINGS, statementsSql } from "./queries";
import { ACTIVITY_SAMPLES, ACTIVITY_SQL, CONNECTION_SETTINGS_SQL } from "./connection-queries";
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from "./snapshot";

const oneLine = (sql: string) => sql.trim();

export function collectorScript(): string {
  // pg_stat_activity at evenly spaced points of the interval, as the live collector samples it.
  const slices = Array.from({ length: ACTIVITY_SAMPLES - 1 }, (_, i) => i + 2)
    .map((n) => `SELECT pg_sleep(:sample_seconds / ${ACTIVITY_SAMPLES - 1}.0) \\gset ignore_\n${oneLine(ACTIVITY_SQL)} \\gset c${n}_`)
    .join("\n");
  const connectionSamples = Array.from({ length: ACTIVITY_SAMPLES }, (_, i) => `:'c${i + 1}_j'::json`).join(", ");
  const set = Object.entries(SESSION_SETTINGS)
    .filter(([k]) => k !== "search_path")
    .map(([k, v]) => `SET ${k} = '${v}';`)
    .join("\n");
  return `-- dsql-preflight offline collector: read-only; writes one JSON snapshot (catalog + statistics, no row data, no secrets).
-- Generated from lib/source/queries.ts by lib/source/collector-script.ts; do not edit by hand.
--
-- Usage:
--   psql "postgresql://user@host:5432/dbname?sslmode=verify-full" -X -q \\
--        -v sample_seconds=60 -v out=dsql-preflight-snapshot.json -f dsql-preflight-collect.sql
-- Then: dsql-preflight analyze dsql-preflight-snapshot.json   (or upload the file to the dashboard)
--
-- Permissions: any role that can connect reads the catalog; pg_read_all_stats shows other roles'
-- statements in pg_stat_statements. Nothing is created or changed: the session is read-only first.

\\set ON_ERROR_STOP on
\\set QUIET on
${set}
SELECT pg_catalog.set_config('search_path', '', false) \\gset ignore_
SET application_name = '${APPLICATION_NAME.replace(/\)$/, ", psql)")}';
\\if :{?sample_seconds}
\\else
  \\set sample_seconds 60
\\endif
\\if :{?out}
\\else
  \\set out dsql-preflight-snapshot.json
\\endif
\\pset format unaligned
\\pset tuples_only on
\\pset pager off

\\echo 'dsql-preflight: checking permissions'
${oneLine(PREFLIGHT_SQL)} \\gset pre_

\\echo 'dsql-preflight: reading the catalog'
\\set ON_ERROR_STOP off
${oneLine(CATALOG_SQL)} \\gset cat_
\\if :ERROR
  \\echo 'dsql-preflight: the catalog could not be read; continuing without it'
  \\set cat_j null
\\endif
\\set ON_ERROR_STOP on

SELECT coalesce((:'pre_j'::json->'pgStatStatements'->>'readable')::boolean, false) AS has_pgss,
       coalesce(quote_ident(:'pre_j'::json->'pgStatStatements'->>'schema'), 'public') AS pgss_schema \\gset

${oneLine(SAMPLE_SQL)} \\gset s1_
${oneLine(CONNECTION_SETTINGS_SQL)} \\gset cs_
${oneLine(ACTIVITY_SQL)} \\gset c1_
\\set st_arr null
\\if :has_pgss
  \\set ON_ERROR_STOP off
  ${oneLine(statementsSql(":pgss_schema"))} \\gset st1_
  \\if :ERROR
    \\echo 'dsql-preflight: pg_stat_statements could not be read (is it in shared_preload_libraries?)'
    \\set has_pgss false
  \\endif
  \\set ON_ERROR_STOP on
\\endif

\\echo 'dsql-preflight: sampling activity for' :sample_seconds 'seconds'
SET statement_timeout = 0;
${slices}
SET statement_timeout = '${SESSION_SETTINGS.statement_timeout}';
${oneLine(SAMPLE_SQL)} \\gset s2_
\\if :has_pgss
  ${oneLine(statementsSql(":pgss_schema"))} \\gset st2_
  SELECT json_build_array(:'st1_j'::json, :'st2_j'::json) AS arr \\gset st_
\\endif

\\o :out
SELECT json_build_object(
  'format', '${SNAPSHOT_FORMAT}',
  'formatVersion', ${SNAPSHOT_VERSION},
  'collector', 'psql',
  'collectedAt', now(),
  'sampleSeconds', extract(epoch FROM ((:'s2_j'::json->>'at')::timestamptz - (:'s1_j'::json->>'at')::timestamptz)),
  'preflight', :'pre_j'::json,
  'catalog', :'cat_j'::json,
  'samples', json_build_array(:'s1_j'::json, :'s2_j'::json),
  'statements', :'st_arr'::json,
  'connections', json_build_object('samples', json_build_array(${connectionSamples}), 'settings', :'cs_j'::json),
  'notes', '[]'::json);
\\o
\\echo 'dsql-preflight: wrote' :out
`;
}
