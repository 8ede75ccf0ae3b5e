/**
 * The snapshot: everything collected from a source database, as plain JSON. The live collector and the
 * offline psql script both produce it, and all analysis reads only it, so both paths give the same
 * assessment. It holds catalog definitions and statistics, never row data or credentials.
 */

export const SNAPSHOT_FORMAT = "dsql-preflight-snapshot";
export const SNAPSHOT_VERSION = 1;

export interface Preflight {
  serverVersion: string;
  serverVersionNum: number;
  database: string;
  user: string;
  superuser: boolean;
  catalogAccess: boolean;
  readAllStats: boolean;
  trackCounts: boolean;
  readOnly: boolean;
  pgStatStatements: { schema: string; version: string; readable: boolean } | null;
  statsReset: string | null;
  postmasterStart: string;
  now: string;
}

export type Acl = Array<{ grantee: string; privilege: string }> | null;

export interface CatColumn {
  name: string;
  q: string;
  type: string;
  notNull: boolean;
  default: string | null;
  generated: string | null;
  generatedExpr: string | null;
  identity: string | null;
  isLocal: boolean;
  collation: string | null;
  compression: string | null;
  statTarget?: number | null;
  storage?: string | null;
  comment: string | null;
  avgWidth: number | null;
  nDistinct: number | null;
  correlation: number | null;
}

export interface CatConstraint {
  name: string;
  type: "p" | "u" | "c" | "f" | "x";
  def: string;
  isLocal: boolean;
  validated: boolean;
}

export interface CatTable {
  schema: string;
  name: string;
  q: string;
  kind: "r" | "p" | "f";
  persistence: "p" | "u" | "t";
  owner: string;
  comment: string | null;
  acl: Acl;
  isPartition: boolean;
  partitionBound: string | null;
  partitionKey: string | null;
  parents: string[] | null;
  options: string[] | null;
  tablespace: string | null;
  accessMethod: string | null;
  rowSecurity: boolean;
  forceRowSecurity: boolean;
  replicaIdentity?: string;
  foreignServer: string | null;
  columns: CatColumn[];
  constraints: CatConstraint[];
  stats: { reltuples: number; relpages: number; totalBytes: number; tableBytes: number };
}

export interface CatIndex {
  schema: string;
  name: string;
  q: string;
  table: string;
  def: string;
  primary: boolean;
  unique: boolean;
  constraint: string | null;
  parent: string | null;
  method: string;
  columns: Array<string | null> | null;
  sizeBytes: number;
  comment: string | null;
  scans: number | null;
  clustered?: boolean;
  replicaIdentity?: boolean;
  statTargets?: Array<{ num: number; target: number }> | null;
}

export interface CatRoutine {
  schema: string;
  name: string;
  q: string;
  kind: "f" | "p" | "a" | "w";
  args: string;
  language: string;
  owner: string;
  comment: string | null;
  acl: Acl;
  def: string | null;
  agg: { sfunc: string; stype: string; finalfunc: string | null; combinefunc: string | null; initcond: string | null; kind: string } | null;
}

export interface CatSequence {
  schema: string;
  name: string;
  q: string;
  owner: string;
  type: string;
  start: number | string;
  increment: number | string;
  min: number | string;
  max: number | string;
  cache: number | string;
  cycle: boolean;
  comment: string | null;
  acl: Acl;
  ownedBy: { table: string; column: string; deptype: "a" | "i" } | null;
}

export interface CatType {
  schema: string;
  name: string;
  q: string;
  kind: "e" | "c" | "r" | "d" | "b";
  owner: string;
  comment: string | null;
  labels: string[] | null;
  attributes: Array<{ name: string; type: string }> | null;
  rangeSubtype: string | null;
  baseType: string | null;
  notNull: boolean;
  default: string | null;
  collation: string | null;
  constraints: Array<{ name: string; def: string }> | null;
  input: string | null;
  output: string | null;
}

export interface Catalog {
  database: { name: string; encoding: string; collate: string; ctype: string; localeProvider: string | null; sizeBytes: number };
  schemas: Array<{ name: string; q: string; owner: string; comment: string | null; builtin?: boolean; acl: Acl; initAcl?: Acl }>;
  extensions: Array<{ name: string; q: string; schema: string; version: string; comment: string | null }>;
  types: CatType[];
  routines: CatRoutine[];
  sequences: CatSequence[];
  tables: CatTable[];
  indexes: CatIndex[];
  views: Array<{
    schema: string;
    name: string;
    q: string;
    kind: "v" | "m";
    def: string;
    options: string[] | null;
    owner: string;
    comment: string | null;
    acl: Acl;
    totalBytes: number;
  }>;
  triggers: Array<{ name: string; table: string; def: string; enabled: string }>;
  eventTriggers: Array<{ name: string; event: string; tags: string[] | null; function: string; enabled: string }>;
  rules: Array<{ name: string; table: string; def: string }>;
  policies: Array<{
    name: string;
    table: string;
    permissive: boolean;
    command: string;
    roles: string[] | null;
    using: string | null;
    check: string | null;
  }>;
  statistics: Array<{ q: string; def: string }>;
  collations: Array<{
    q: string;
    provider: string;
    collate: string | null;
    ctype: string | null;
    locale: string | null;
    deterministic: boolean;
  }>;
  foreignServers: Array<{ name: string; wrapper: string }>;
  publications: Array<{ name: string; allTables: boolean; tables: string[] | null }>;
  operators?: Array<{ q: string; name: string; function: string; left: string | null; right: string | null; owner?: string }>;
  largeObjects: number;
}

export interface TableSample {
  q: string;
  seqScan: number;
  seqTupRead: number;
  idxScan: number;
  idxTupFetch: number;
  inserts: number;
  updates: number;
  hotUpdates: number;
  deletes: number;
  liveTuples: number;
  deadTuples: number;
}

export interface ActivitySample {
  at: string;
  database: {
    xactCommit: number;
    xactRollback: number;
    tupReturned: number;
    tupFetched: number;
    tupInserted: number;
    tupUpdated: number;
    tupDeleted: number;
    blksRead: number;
    blksHit: number;
  } | null;
  tables: TableSample[];
}

export interface StatementStat {
  queryId: string | null;
  query: string;
  topLevel: boolean;
  calls: number;
  rows: number;
  totalMs: number;
  meanMs: number;
  maxMs: number;
}

export interface StatementsSample {
  at: string;
  statements: StatementStat[];
  reset: string | null;
}

/** One client session in a pg_stat_activity sample; times are null when the role may not see them. */
export interface SessionRow {
  pid: number;
  user: string | null;
  application: string | null;
  /** Client IP, "local socket", or null when hidden. */
  client: string | null;
  backendStart: string | null;
  xactStart: string | null;
  queryStart: string | null;
  stateChange: string | null;
  state: string | null;
  ssl: boolean | null;
  clientCert: boolean | null;
  gss: boolean | null;
}

export interface ConnectionSample {
  at: string;
  /** pg_stat_database.sessions (PostgreSQL 14+): sessions ever established, for the connection rate. */
  sessionsTotal: number | null;
  sessions: SessionRow[];
}

export interface ConnectionSettings {
  settings: Array<{ name: string; setting: string; unit: string | null; source: string; resetVal: string | null }>;
  overrides: Array<{ role: string | null; database: string | null; config: string[] }>;
}

/** pg_stat_activity sampled across the sampling interval, and the settings that bound connections. */
export interface ConnectionsCollected {
  samples: ConnectionSample[];
  settings: ConnectionSettings | null;
}

/** Something the collector could not gather, and why (shown to the user, never an error). */
export interface CollectionNote {
  item: "catalog" | "table-activity" | "statements" | "statistics" | "sizes" | "connections";
  collected: boolean | "partial";
  reason: string;
}

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  formatVersion: number;
  collector: "live" | "psql";
  collectedAt: string;
  sampleSeconds: number;
  preflight: Preflight;
  catalog: Catalog | null;
  /** Two samples of pg_stat_user_tables / pg_stat_database, `sampleSeconds` apart. */
  samples: ActivitySample[];
  /** pg_stat_statements at the first and the second sample (absent when not available). */
  statements: StatementsSample[] | null;
  /** pg_stat_activity samples and connection settings (absent in snapshots from older collectors). */
  connections?: ConnectionsCollected | null;
  notes: CollectionNote[];
}

export class SnapshotError extends Error {}

/** Parse and sanity-check a snapshot file's contents (from psql or saved from a live run). */
export function parseSnapshot(text: string): Snapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new SnapshotError(`not a JSON snapshot (${(e as Error).message})`);
  }
  return checkSnapshot(data);
}

export function checkSnapshot(data: unknown): Snapshot {
  const s = data as Partial<Snapshot>;
  if (!s || typeof s !== "object" || s.format !== SNAPSHOT_FORMAT)
    throw new SnapshotError(`not a ${SNAPSHOT_FORMAT} file (missing "format")`);
  if (s.formatVersion !== SNAPSHOT_VERSION)
    throw new SnapshotError(`snapshot format version ${s.formatVersion} is not supported (expected ${SNAPSHOT_VERSION})`);
  if (!s.preflight || typeof s.preflight.serverVersionNum !== "number") throw new SnapshotError("snapshot has no preflight section");
  if (!Array.isArray(s.samples)) throw new SnapshotError("snapshot has no samples array");
  return {
    ...s,
    notes: s.notes ?? [],
    statements: s.statements ?? null,
    catalog: s.catalog ?? null,
    connections: s.connections ?? null,
  } as Snapshot;
}

/** True when the text looks like a snapshot rather than SQL (so the CLI can route a file). */
export function looksLikeSnapshot(text: string): boolean {
  const head = text.slice(0, 200).trimStart();
  return head.startsWith("{") && head.includes(SNAPSHOT_FORMAT);
}
