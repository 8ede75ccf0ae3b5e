-- dsql-preflight offline collector: read-only; writes one JSON snapshot (catalog + statistics, no row data, no secrets).
-- Generated from lib/source/queries.ts by lib/source/collector-script.ts; do not edit by hand.
--
-- Usage:
--   psql "postgresql://user@host:5432/dbname?sslmode=verify-full" -X -q \
--        -v sample_seconds=60 -v out=dsql-preflight-snapshot.json -f dsql-preflight-collect.sql
-- Then: dsql-preflight analyze dsql-preflight-snapshot.json   (or upload the file to the dashboard)
--
-- Permissions: any role that can connect reads the catalog; pg_read_all_stats shows other roles'
-- statements in pg_stat_statements. Nothing is created or changed: the session is read-only first.

\set ON_ERROR_STOP on
\set QUIET on
SET default_transaction_read_only = 'on';
SET statement_timeout = '60s';
SET lock_timeout = '5s';
SET idle_in_transaction_session_timeout = '60s';
SELECT pg_catalog.set_config('search_path', '', false) \gset ignore_
SET application_name = 'dsql-preflight (read-only assessment, psql)';
\if :{?sample_seconds}
\else
  \set sample_seconds 60
\endif
\if :{?out}
\else
  \set out dsql-preflight-snapshot.json
\endif
\pset format unaligned
\pset tuples_only on
\pset pager off

\echo 'dsql-preflight: checking permissions'
SELECT /* dsql-preflight */ json_build_object(
  'serverVersion', current_setting('server_version'),
  'serverVersionNum', current_setting('server_version_num')::int,
  'database', current_database(),
  'user', current_user,
  'superuser', (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user),
  'catalogAccess', has_table_privilege('pg_catalog.pg_class', 'SELECT') AND has_table_privilege('pg_catalog.pg_attribute', 'SELECT'),
  'readAllStats', pg_has_role(current_user, 'pg_read_all_stats', 'USAGE'),
  'trackCounts', current_setting('track_counts') = 'on',
  'readOnly', current_setting('transaction_read_only') = 'on',
  'pgStatStatements', (
    SELECT json_build_object('schema', n.nspname, 'version', e.extversion,
      'readable', has_table_privilege(quote_ident(n.nspname) || '.pg_stat_statements', 'SELECT'))
    FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_stat_statements'),
  'statsReset', (SELECT stats_reset FROM pg_catalog.pg_stat_database WHERE datname = current_database()),
  'postmasterStart', pg_postmaster_start_time(),
  'now', now()
) AS j \gset pre_

\echo 'dsql-preflight: reading the catalog'
\set ON_ERROR_STOP off
SELECT /* dsql-preflight */ json_build_object(
 'database', (SELECT json_build_object('name', d.datname, 'encoding', pg_encoding_to_char(d.encoding),
      'collate', d.datcollate, 'ctype', d.datctype, 'localeProvider', to_jsonb(d)->>'datlocprovider',
      'sizeBytes', pg_database_size(d.oid))
    FROM pg_catalog.pg_database d WHERE d.datname = current_database()),
 'schemas', (SELECT coalesce(json_agg(json_build_object('name', n.nspname, 'q', quote_ident(n.nspname),
      'owner', quote_ident(pg_get_userbyid(n.nspowner)), 'comment', obj_description(n.oid, 'pg_namespace'), 'builtin', n.oid < 16384,
      'acl', (SELECT json_agg(json_build_object('grantee', CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END, 'privilege', a.privilege_type))
     FROM aclexplode(n.nspacl) a),
      -- For initdb's own schema (public) only changes against the initial privileges matter, as in pg_dump.
      'initAcl', (SELECT json_agg(json_build_object('grantee', CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END, 'privilege', a.privilege_type))
     FROM aclexplode((SELECT ip.initprivs FROM pg_catalog.pg_init_privs ip WHERE ip.objoid = n.oid AND ip.classoid = 'pg_namespace'::regclass AND ip.objsubid = 0)) a)
      ) ORDER BY n.nspname), '[]')
    FROM pg_catalog.pg_namespace n WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%' AND (n.oid >= 16384 OR n.nspname = 'public') AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dx WHERE dx.classid = 'pg_namespace'::regclass AND dx.objid = n.oid AND dx.deptype = 'e')),
 'extensions', (SELECT coalesce(json_agg(json_build_object('name', e.extname, 'q', quote_ident(e.extname),
      'schema', quote_ident(n.nspname), 'version', e.extversion, 'comment', obj_description(e.oid, 'pg_extension')) ORDER BY e.extname), '[]')
    FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.oid >= 16384),
 'types', (SELECT coalesce(json_agg(json_build_object('schema', n.nspname, 'name', t.typname,
      'q', quote_ident(n.nspname) || '.' || quote_ident(t.typname), 'kind', t.typtype,
      'owner', quote_ident(pg_get_userbyid(t.typowner)), 'comment', obj_description(t.oid, 'pg_type'),
      'labels', (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid),
      'attributes', (SELECT json_agg(json_build_object('name', quote_ident(a.attname), 'type', format_type(a.atttypid, a.atttypmod)) ORDER BY a.attnum)
         FROM pg_catalog.pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped),
      'rangeSubtype', (SELECT format_type(r.rngsubtype, NULL) FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid),
      'baseType', CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END,
      'notNull', t.typnotnull, 'default', t.typdefault,
      'collation', (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname) FROM pg_catalog.pg_collation co
         JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace WHERE t.typtype = 'd' AND co.oid = t.typcollation
         AND t.typcollation <> (SELECT bt.typcollation FROM pg_catalog.pg_type bt WHERE bt.oid = t.typbasetype)),
      'constraints', (SELECT json_agg(json_build_object('name', quote_ident(c.conname), 'def', pg_get_constraintdef(c.oid)) ORDER BY c.conname)
         FROM pg_catalog.pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'),
      'input', CASE WHEN t.typtype = 'b' THEN t.typinput::regproc::text END,
      'output', CASE WHEN t.typtype = 'b' THEN t.typoutput::regproc::text END
    ) ORDER BY n.nspname, t.typname), '[]')
    FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%' AND t.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dx WHERE dx.classid = 'pg_type'::regclass AND dx.objid = t.oid AND dx.deptype = 'e')
      AND (t.typtype IN ('e', 'r', 'd') OR (t.typtype = 'b' AND t.typelem = 0 AND t.typcategory <> 'A')
        OR (t.typtype = 'c' AND (SELECT relkind FROM pg_catalog.pg_class WHERE oid = t.typrelid) = 'c'))),
 'routines', (SELECT coalesce(json_agg(json_build_object('schema', n.nspname, 'name', p.proname,
      'q', quote_ident(n.nspname) || '.' || quote_ident(p.proname), 'kind', p.prokind,
      'args', pg_get_function_identity_arguments(p.oid), 'language', l.lanname,
      'owner', quote_ident(pg_get_userbyid(p.proowner)), 'comment', obj_description(p.oid, 'pg_proc'), 'acl', (SELECT json_agg(json_build_object('grantee', CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END, 'privilege', a.privilege_type))
     FROM aclexplode(p.proacl) a),
      'def', CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END,
      'agg', (SELECT json_build_object('sfunc', ag.aggtransfn::regproc::text, 'stype', format_type(ag.aggtranstype, NULL),
          'finalfunc', nullif(ag.aggfinalfn::regproc::text, '-'), 'combinefunc', nullif(ag.aggcombinefn::regproc::text, '-'),
          'initcond', ag.agginitval, 'kind', ag.aggkind)
        FROM pg_catalog.pg_aggregate ag WHERE ag.aggfnoid = p.oid)
    ) ORDER BY n.nspname, p.proname, p.oid), '[]')
    FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace JOIN pg_catalog.pg_language l ON l.oid = p.prolang
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%' AND p.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dx WHERE dx.classid = 'pg_proc'::regclass AND dx.objid = p.oid AND dx.deptype = 'e')),
 'sequences', (SELECT coalesce(json_agg(json_build_object('schema', n.nspname, 'name', c.relname,
      'q', quote_ident(n.nspname) || '.' || quote_ident(c.relname), 'owner', quote_ident(pg_get_userbyid(c.relowner)),
      'type', format_type(s.seqtypid, NULL), 'start', s.seqstart, 'increment', s.seqincrement, 'min', s.seqmin, 'max', s.seqmax,
      'cache', s.seqcache, 'cycle', s.seqcycle, 'comment', obj_description(c.oid, 'pg_class'), 'acl', (SELECT json_agg(json_build_object('grantee', CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END, 'privilege', a.privilege_type))
     FROM aclexplode(c.relacl) a),
      'ownedBy', (SELECT json_build_object('table', quote_ident(tn.nspname) || '.' || quote_ident(t.relname), 'column', quote_ident(a.attname), 'deptype', d.deptype)
         FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_class t ON t.oid = d.refobjid JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
         JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') LIMIT 1)
    ) ORDER BY n.nspname, c.relname), '[]')
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
    WHERE c.relkind = 'S' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dx WHERE dx.classid = 'pg_class'::regclass AND dx.objid = c.oid AND dx.deptype = 'e')),
 'tables', (SELECT coalesce(json_agg(json_build_object('schema', n.nspname, 'name', c.relname,
      'q', quote_ident(n.nspname) || '.' || quote_ident(c.relname), 'kind', c.relkind, 'persistence', c.relpersistence,
      'owner', quote_ident(pg_get_userbyid(c.relowner)), 'comment', obj_description(c.oid, 'pg_class'), 'acl', (SELECT json_agg(json_build_object('grantee', CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END, 'privilege', a.privilege_type))
     FROM aclexplode(c.relacl) a),
      'isPartition', c.relispartition, 'partitionBound', pg_get_expr(c.relpartbound, c.oid),
      'partitionKey', CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
      'parents', (SELECT json_agg(quote_ident(pn.nspname) || '.' || quote_ident(pc.relname) ORDER BY i.inhseqno)
         FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
         WHERE i.inhrelid = c.oid),
      'options', c.reloptions, 'tablespace', (SELECT spcname FROM pg_catalog.pg_tablespace WHERE oid = c.reltablespace),
      'accessMethod', (SELECT amname FROM pg_catalog.pg_am WHERE oid = (to_jsonb(c)->>'relam')::oid),
      'rowSecurity', c.relrowsecurity, 'forceRowSecurity', c.relforcerowsecurity, 'replicaIdentity', c.relreplident,
      'foreignServer', (SELECT quote_ident(fs.srvname) FROM pg_catalog.pg_foreign_table ft JOIN pg_catalog.pg_foreign_server fs ON fs.oid = ft.ftserver WHERE ft.ftrelid = c.oid),
      'columns', (SELECT coalesce(json_agg(json_build_object('name', a.attname, 'q', quote_ident(a.attname),
           'type', format_type(a.atttypid, a.atttypmod), 'notNull', a.attnotnull,
           'default', CASE WHEN coalesce(to_jsonb(a)->>'attgenerated', '') = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END,
           'generated', nullif(to_jsonb(a)->>'attgenerated', ''), 'generatedExpr', CASE WHEN coalesce(to_jsonb(a)->>'attgenerated', '') <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END,
           'identity', nullif(a.attidentity::text, ''), 'isLocal', a.attislocal,
           'collation', (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname) FROM pg_catalog.pg_collation co
              JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
              WHERE co.oid = a.attcollation AND a.attcollation <> ty.typcollation),
           'compression', nullif(to_jsonb(a)->>'attcompression', ''),
           'statTarget', CASE WHEN (to_jsonb(a)->>'attstattarget')::int >= 0 THEN (to_jsonb(a)->>'attstattarget')::int END,
           'storage', CASE WHEN a.attstorage <> (SELECT ty.typstorage FROM pg_catalog.pg_type ty WHERE ty.oid = a.atttypid) THEN a.attstorage::text END,
           'comment', col_description(c.oid, a.attnum),
           'avgWidth', (SELECT max(st.avg_width) FROM pg_catalog.pg_stats st WHERE st.schemaname = n.nspname AND st.tablename = c.relname AND st.attname = a.attname),
           'nDistinct', (SELECT max(st.n_distinct) FROM pg_catalog.pg_stats st WHERE st.schemaname = n.nspname AND st.tablename = c.relname AND st.attname = a.attname),
           'correlation', (SELECT max(st.correlation) FROM pg_catalog.pg_stats st WHERE st.schemaname = n.nspname AND st.tablename = c.relname AND st.attname = a.attname)
         ) ORDER BY a.attnum), '[]')
         FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
      'constraints', (SELECT coalesce(json_agg(json_build_object('name', quote_ident(k.conname), 'type', k.contype,
           'def', pg_get_constraintdef(k.oid), 'isLocal', k.conislocal, 'validated', k.convalidated) ORDER BY k.conname), '[]')
         FROM pg_catalog.pg_constraint k WHERE k.conrelid = c.oid AND k.contype IN ('p', 'u', 'c', 'f', 'x')),
      'stats', json_build_object('reltuples', c.reltuples, 'relpages', c.relpages,
         'totalBytes', pg_total_relation_size(c.oid), 'tableBytes', pg_relation_size(c.oid))
    ) ORDER BY n.nspname, c.relname), '[]')
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dx WHERE dx.classid = 'pg_class'::regclass AND dx.objid = c.oid AND dx.deptype = 'e')),
 'indexes', (SELECT coalesce(json_agg(json_build_object('schema', n.nspname, 'name', ic.relname,
      'q', quote_ident(n.nspname) || '.' || quote_ident(ic.relname), 'table', quote_ident(n.nspname) || '.' || quote_ident(tc.relname),
      'def', pg_get_indexdef(x.indexrelid), 'primary', x.indisprimary, 'unique', x.indisunique,
      'constraint', (SELECT quote_ident(k.conname) FROM pg_catalog.pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x') LIMIT 1),
      'parent', (SELECT quote_ident(pn.nspname) || '.' || quote_ident(pc.relname) FROM pg_catalog.pg_inherits i
         JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = x.indexrelid),
      'method', (SELECT amname FROM pg_catalog.pg_am WHERE oid = ic.relam),
      'columns', (SELECT json_agg(CASE WHEN k.attnum = 0 THEN NULL ELSE (SELECT attname FROM pg_catalog.pg_attribute WHERE attrelid = x.indrelid AND attnum = k.attnum) END ORDER BY k.ord)
         FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord) WHERE k.ord <= x.indnkeyatts),
      'sizeBytes', pg_relation_size(x.indexrelid), 'comment', obj_description(x.indexrelid, 'pg_class'),
      'clustered', x.indisclustered, 'replicaIdentity', x.indisreplident,
      'statTargets', (SELECT json_agg(json_build_object('num', a.attnum, 'target', (to_jsonb(a)->>'attstattarget')::int))
         FROM pg_catalog.pg_attribute a WHERE a.attrelid = x.indexrelid AND (to_jsonb(a)->>'attstattarget')::int >= 0),
      'scans', (SELECT s.idx_scan FROM pg_catalog.pg_stat_user_indexes s WHERE s.indexrelid = x.indexrelid)
    ) ORDER BY n.nspname, tc.relname, ic.relname), '[]')
    FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid JOIN pg_catalog.pg_class tc ON tc.oid = x.indrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
    WHERE tc.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dx WHERE dx.classid = 'pg_class'::regclass AND dx.objid = tc.oid AND dx.deptype = 'e')),
 'views', (SELECT coalesce(json_agg(json_build_object('schema', n.nspname, 'name', c.relname,
      'q', quote_ident(n.nspname) || '.' || quote_ident(c.relname), 'kind', c.relkind, 'def', pg_get_viewdef(c.oid),
      'options', c.reloptions, 'owner', quote_ident(pg_get_userbyid(c.relowner)), 'comment', obj_description(c.oid, 'pg_class'),
      'acl', (SELECT json_agg(json_build_object('grantee', CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END, 'privilege', a.privilege_type))
     FROM aclexplode(c.relacl) a), 'totalBytes', pg_total_relation_size(c.oid)) ORDER BY n.nspname, c.relname), '[]')
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('v', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dx WHERE dx.classid = 'pg_class'::regclass AND dx.objid = c.oid AND dx.deptype = 'e')),
 'triggers', (SELECT coalesce(json_agg(json_build_object('name', t.tgname, 'table', quote_ident(n.nspname) || '.' || quote_ident(c.relname),
      'def', pg_get_triggerdef(t.oid), 'enabled', t.tgenabled) ORDER BY n.nspname, c.relname, t.tgname), '[]')
    FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT t.tgisinternal AND coalesce((to_jsonb(t)->>'tgparentid')::oid, 0) = 0 AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dx WHERE dx.classid = 'pg_class'::regclass AND dx.objid = c.oid AND dx.deptype = 'e')),
 'eventTriggers', (SELECT coalesce(json_agg(json_build_object('name', quote_ident(e.evtname), 'event', e.evtevent, 'tags', e.evttags,
      'function', e.evtfoid::regproc::text, 'enabled', e.evtenabled) ORDER BY e.evtname), '[]')
    FROM pg_catalog.pg_event_trigger e WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dx WHERE dx.classid = 'pg_event_trigger'::regclass AND dx.objid = e.oid AND dx.deptype = 'e')),
 'rules', (SELECT coalesce(json_agg(json_build_object('name', r.rulename, 'table', quote_ident(n.nspname) || '.' || quote_ident(c.relname),
      'def', pg_get_ruledef(r.oid)) ORDER BY n.nspname, c.relname, r.rulename), '[]')
    FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE r.rulename <> '_RETURN' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dx WHERE dx.classid = 'pg_class'::regclass AND dx.objid = c.oid AND dx.deptype = 'e')),
 'policies', (SELECT coalesce(json_agg(json_build_object('name', quote_ident(p.polname), 'table', quote_ident(n.nspname) || '.' || quote_ident(c.relname),
      'permissive', p.polpermissive, 'command', p.polcmd,
      'roles', (SELECT json_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r)) END) FROM unnest(p.polroles) r),
      'using', pg_get_expr(p.polqual, p.polrelid), 'check', pg_get_expr(p.polwithcheck, p.polrelid)) ORDER BY n.nspname, c.relname, p.polname), '[]')
    FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'),
 'statistics', (SELECT coalesce(json_agg(json_build_object('q', quote_ident(n.nspname) || '.' || quote_ident(s.stxname),
      'def', pg_get_statisticsobjdef(s.oid)) ORDER BY n.nspname, s.stxname), '[]')
    FROM pg_catalog.pg_statistic_ext s JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dx WHERE dx.classid = 'pg_statistic_ext'::regclass AND dx.objid = s.oid AND dx.deptype = 'e')),
 'collations', (SELECT coalesce(json_agg(json_build_object('q', quote_ident(n.nspname) || '.' || quote_ident(co.collname),
      'provider', co.collprovider, 'collate', co.collcollate, 'ctype', co.collctype,
      'locale', coalesce(to_jsonb(co)->>'colllocale', to_jsonb(co)->>'colliculocale'), 'deterministic', co.collisdeterministic)
      ORDER BY n.nspname, co.collname), '[]')
    FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace n ON n.oid = co.collnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%' AND co.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dx WHERE dx.classid = 'pg_collation'::regclass AND dx.objid = co.oid AND dx.deptype = 'e')),
 'foreignServers', (SELECT coalesce(json_agg(json_build_object('name', quote_ident(s.srvname), 'wrapper', quote_ident(w.fdwname)) ORDER BY s.srvname), '[]')
    FROM pg_catalog.pg_foreign_server s JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dx WHERE dx.classid = 'pg_foreign_server'::regclass AND dx.objid = s.oid AND dx.deptype = 'e')),
 'publications', (SELECT coalesce(json_agg(json_build_object('name', quote_ident(p.pubname), 'allTables', p.puballtables,
      'tables', (SELECT json_agg(quote_ident(pt.schemaname) || '.' || quote_ident(pt.tablename)) FROM pg_catalog.pg_publication_tables pt WHERE pt.pubname = p.pubname))
      ORDER BY p.pubname), '[]') FROM pg_catalog.pg_publication p),
 'operators', (SELECT coalesce(json_agg(json_build_object('q', quote_ident(n.nspname) || '.' || o.oprname, 'name', o.oprname,
      'function', o.oprcode::regproc::text, 'left', CASE WHEN o.oprleft <> 0 THEN format_type(o.oprleft, NULL) END,
      'right', CASE WHEN o.oprright <> 0 THEN format_type(o.oprright, NULL) END,
      'owner', quote_ident(pg_get_userbyid(o.oprowner))) ORDER BY n.nspname, o.oprname), '[]')
    FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%' AND o.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend dx WHERE dx.classid = 'pg_operator'::regclass AND dx.objid = o.oid AND dx.deptype = 'e')),
 'largeObjects', (SELECT count(*) FROM pg_catalog.pg_largeobject_metadata)
) AS j \gset cat_
\if :ERROR
  \echo 'dsql-preflight: the catalog could not be read; continuing without it'
  \set cat_j null
\endif
\set ON_ERROR_STOP on

SELECT coalesce((:'pre_j'::json->'pgStatStatements'->>'readable')::boolean, false) AS has_pgss,
       coalesce(quote_ident(:'pre_j'::json->'pgStatStatements'->>'schema'), 'public') AS pgss_schema \gset

SELECT /* dsql-preflight */ json_build_object(
 'at', clock_timestamp(),
 'database', (SELECT json_build_object('xactCommit', xact_commit, 'xactRollback', xact_rollback, 'tupReturned', tup_returned,
     'tupFetched', tup_fetched, 'tupInserted', tup_inserted, 'tupUpdated', tup_updated, 'tupDeleted', tup_deleted,
     'blksRead', blks_read, 'blksHit', blks_hit)
   FROM pg_catalog.pg_stat_database WHERE datname = current_database()),
 'tables', (SELECT coalesce(json_agg(json_build_object('q', quote_ident(s.schemaname) || '.' || quote_ident(s.relname),
     'seqScan', s.seq_scan, 'seqTupRead', s.seq_tup_read, 'idxScan', coalesce(s.idx_scan, 0), 'idxTupFetch', coalesce(s.idx_tup_fetch, 0),
     'inserts', s.n_tup_ins, 'updates', s.n_tup_upd, 'hotUpdates', s.n_tup_hot_upd, 'deletes', s.n_tup_del,
     'liveTuples', s.n_live_tup, 'deadTuples', s.n_dead_tup) ORDER BY s.schemaname, s.relname), '[]')
   FROM pg_catalog.pg_stat_user_tables s)
) AS j \gset s1_
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
) AS j \gset cs_
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
) AS j \gset c1_
\set st_arr null
\if :has_pgss
  \set ON_ERROR_STOP off
  SELECT /* dsql-preflight */ json_build_object('at', clock_timestamp(), 'statements', coalesce(json_agg(x ORDER BY (x->>'totalMs')::float8 DESC), '[]'), 'reset', NULL) AS j
FROM (
  SELECT json_build_object(
    'queryId', (to_jsonb(s)->>'queryid'),
    -- Query texts can carry secrets (CREATE ROLE … PASSWORD '…', connection strings): masked before they leave the server.
    'query', regexp_replace(regexp_replace(s.query, '(password\s+)''([^'']|'''')*''', '\1''***''', 'gi'), '(password\s*=\s*)[^\s,;)'']+', '\1***', 'gi'),
    'topLevel', coalesce((to_jsonb(s)->>'toplevel')::boolean, true),
    'calls', s.calls,
    'rows', s.rows,
    'totalMs', coalesce((to_jsonb(s)->>'total_exec_time')::float8, (to_jsonb(s)->>'total_time')::float8),
    'meanMs', coalesce((to_jsonb(s)->>'mean_exec_time')::float8, (to_jsonb(s)->>'mean_time')::float8),
    'maxMs', coalesce((to_jsonb(s)->>'max_exec_time')::float8, (to_jsonb(s)->>'max_time')::float8)
  ) AS x
  FROM :pgss_schema.pg_stat_statements s
  WHERE s.dbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
    AND s.query NOT LIKE '%/* dsql-preflight */%' -- the assessment's own queries are not the application's workload
  ORDER BY coalesce((to_jsonb(s)->>'total_exec_time')::float8, (to_jsonb(s)->>'total_time')::float8) DESC
  LIMIT 5000
) q \gset st1_
  \if :ERROR
    \echo 'dsql-preflight: pg_stat_statements could not be read (is it in shared_preload_libraries?)'
    \set has_pgss false
  \endif
  \set ON_ERROR_STOP on
\endif

\echo 'dsql-preflight: sampling activity for' :sample_seconds 'seconds'
SET statement_timeout = 0;
SELECT pg_sleep(:sample_seconds / 6.0) \gset ignore_
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
) AS j \gset c2_
SELECT pg_sleep(:sample_seconds / 6.0) \gset ignore_
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
) AS j \gset c3_
SELECT pg_sleep(:sample_seconds / 6.0) \gset ignore_
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
) AS j \gset c4_
SELECT pg_sleep(:sample_seconds / 6.0) \gset ignore_
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
) AS j \gset c5_
SELECT pg_sleep(:sample_seconds / 6.0) \gset ignore_
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
) AS j \gset c6_
SELECT pg_sleep(:sample_seconds / 6.0) \gset ignore_
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
) AS j \gset c7_
SET statement_timeout = '60s';
SELECT /* dsql-preflight */ json_build_object(
 'at', clock_timestamp(),
 'database', (SELECT json_build_object('xactCommit', xact_commit, 'xactRollback', xact_rollback, 'tupReturned', tup_returned,
     'tupFetched', tup_fetched, 'tupInserted', tup_inserted, 'tupUpdated', tup_updated, 'tupDeleted', tup_deleted,
     'blksRead', blks_read, 'blksHit', blks_hit)
   FROM pg_catalog.pg_stat_database WHERE datname = current_database()),
 'tables', (SELECT coalesce(json_agg(json_build_object('q', quote_ident(s.schemaname) || '.' || quote_ident(s.relname),
     'seqScan', s.seq_scan, 'seqTupRead', s.seq_tup_read, 'idxScan', coalesce(s.idx_scan, 0), 'idxTupFetch', coalesce(s.idx_tup_fetch, 0),
     'inserts', s.n_tup_ins, 'updates', s.n_tup_upd, 'hotUpdates', s.n_tup_hot_upd, 'deletes', s.n_tup_del,
     'liveTuples', s.n_live_tup, 'deadTuples', s.n_dead_tup) ORDER BY s.schemaname, s.relname), '[]')
   FROM pg_catalog.pg_stat_user_tables s)
) AS j \gset s2_
\if :has_pgss
  SELECT /* dsql-preflight */ json_build_object('at', clock_timestamp(), 'statements', coalesce(json_agg(x ORDER BY (x->>'totalMs')::float8 DESC), '[]'), 'reset', NULL) AS j
FROM (
  SELECT json_build_object(
    'queryId', (to_jsonb(s)->>'queryid'),
    -- Query texts can carry secrets (CREATE ROLE … PASSWORD '…', connection strings): masked before they leave the server.
    'query', regexp_replace(regexp_replace(s.query, '(password\s+)''([^'']|'''')*''', '\1''***''', 'gi'), '(password\s*=\s*)[^\s,;)'']+', '\1***', 'gi'),
    'topLevel', coalesce((to_jsonb(s)->>'toplevel')::boolean, true),
    'calls', s.calls,
    'rows', s.rows,
    'totalMs', coalesce((to_jsonb(s)->>'total_exec_time')::float8, (to_jsonb(s)->>'total_time')::float8),
    'meanMs', coalesce((to_jsonb(s)->>'mean_exec_time')::float8, (to_jsonb(s)->>'mean_time')::float8),
    'maxMs', coalesce((to_jsonb(s)->>'max_exec_time')::float8, (to_jsonb(s)->>'max_time')::float8)
  ) AS x
  FROM :pgss_schema.pg_stat_statements s
  WHERE s.dbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
    AND s.query NOT LIKE '%/* dsql-preflight */%' -- the assessment's own queries are not the application's workload
  ORDER BY coalesce((to_jsonb(s)->>'total_exec_time')::float8, (to_jsonb(s)->>'total_time')::float8) DESC
  LIMIT 5000
) q \gset st2_
  SELECT json_build_array(:'st1_j'::json, :'st2_j'::json) AS arr \gset st_
\endif

\o :out
SELECT json_build_object(
  'format', 'dsql-preflight-snapshot',
  'formatVersion', 1,
  'collector', 'psql',
  'collectedAt', now(),
  'sampleSeconds', extract(epoch FROM ((:'s2_j'::json->>'at')::timestamptz - (:'s1_j'::json->>'at')::timestamptz)),
  'preflight', :'pre_j'::json,
  'catalog', :'cat_j'::json,
  'samples', json_build_array(:'s1_j'::json, :'s2_j'::json),
  'statements', :'st_arr'::json,
  'connections', json_build_object('samples', json_build_array(:'c1_j'::json, :'c2_j'::json, :'c3_j'::json, :'c4_j'::json, :'c5_j'::json, :'c6_j'::json, :'c7_j'::json), 'settings', :'cs_j'::json),
  'notes', '[]'::json);
\o
\echo 'dsql-preflight: wrote' :out
