/**
 * The connection audit: how the applications connect, from pg_stat_activity sampled across the
 * sampling interval. Per application (application_name, user, client address): connection counts,
 * ages, transaction and statement ages, idle-in-transaction time, new connections, and how they
 * authenticate; plus the server settings that bound connections. DSQL closes connections after 60
 * minutes, aborts transactions after 5 minutes and authenticates with IAM tokens, so these numbers
 * say what the application's pools must change (../shared/dsql-compat.md §1 row 13, §3).
 */
import type { ConnectionSample, ConnectionsCollected, SessionRow } from "../source/snapshot";

/** DSQL's connection quotas (AWS quotas page; catalog §3). */
export const DSQL_CONNECTION_LIMITS = {
  connectionMinutes: 60,
  transactionSeconds: 300,
  newConnectionsPerSecond: 100,
  newConnectionsBurst: 1000,
  connectionsPerCluster: 10000,
  tokenMinutes: 15,
} as const;

/** Connection age buckets for the histogram (upper bounds in seconds). */
export const AGE_BUCKETS: Array<{ label: string; maxSeconds: number }> = [
  { label: "< 1 min", maxSeconds: 60 },
  { label: "1–10 min", maxSeconds: 600 },
  { label: "10–30 min", maxSeconds: 1800 },
  { label: "30–60 min", maxSeconds: 3600 },
  { label: "1–6 h", maxSeconds: 6 * 3600 },
  { label: "6–24 h", maxSeconds: 24 * 3600 },
  { label: "> 24 h", maxSeconds: Infinity },
];

/** "45 s", "12 min", "3 h 5 min". */
export function duration(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

export type AuthKind = "gssapi" | "client certificate" | "password or trust";

export interface ApplicationConnections {
  application: string;
  user: string;
  client: string;
  /** Most connections seen at once, and of them idle, idle in transaction, active. */
  peak: number;
  peakIdle: number;
  peakIdleInTransaction: number;
  peakActive: number;
  /** Distinct connections seen over the interval; opened during it; opened per second. */
  connections: number;
  opened: number;
  openedPerSecond: number;
  /** Connection ages (seconds) at the last time each was seen. */
  ageSeconds: { min: number; median: number; max: number } | null;
  oldestConnectionStart: string | null;
  longestTransactionSeconds: number;
  longestStatementSeconds: number;
  longestIdleInTransactionSeconds: number;
  /** Sessions whose times this role may not see (no pg_read_all_stats). */
  hidden: number;
  auth: AuthKind[];
  ssl: boolean;
}

export interface ConnectionSetting {
  name: string;
  /** Human value ("0 (off)", "60 s", "100"); null when the assessment session's own value hides it. */
  value: string | null;
  /** Milliseconds for timeouts, count for max_connections. */
  numeric: number | null;
  source: string;
}

export interface ConnectionAudit {
  samples: number;
  seconds: number;
  firstAt: string;
  lastAt: string;
  totals: {
    peak: number;
    peakIdleInTransaction: number;
    connections: number;
    opened: number;
    openedPerSecond: number;
    /** From pg_stat_database.sessions (PostgreSQL 14+): every session established during the interval, including ones between samples. */
    sessionsPerSecond: number | null;
    oldestSeconds: number;
    hidden: number;
  };
  applications: ApplicationConnections[];
  ageHistogram: Array<{ bucket: string; connections: number }>;
  settings: ConnectionSetting[];
  /** Per-role or per-database overrides of the timeouts (ALTER ROLE … SET statement_timeout …). */
  overrides: Array<{ role: string | null; database: string | null; settings: string[] }>;
  limits: typeof DSQL_CONNECTION_LIMITS;
}

export interface AuditOptions {
  /** The time the last sample was taken (an injected clock): every sample is shifted by the same amount. */
  now?: Date;
}

const NO_APP = "(no application_name)";
const HIDDEN = "(hidden)";
const seconds = (from: string | null, at: number) => (from ? Math.max(0, (at - Date.parse(from)) / 1000) : 0);
const r1 = (n: number) => Math.round(n * 10) / 10;
const r3 = (n: number) => Math.round(n * 1000) / 1000;

export function groupKey(s: SessionRow): { application: string; user: string; client: string } {
  return { application: s.application || NO_APP, user: s.user ?? HIDDEN, client: s.client ?? HIDDEN };
}

function authOf(s: SessionRow): AuthKind {
  if (s.gss) return "gssapi";
  if (s.clientCert) return "client certificate";
  return "password or trust";
}

/** The audit of the collected samples; null when nothing was sampled. */
export function auditConnections(collected: ConnectionsCollected | null | undefined, opts: AuditOptions = {}): ConnectionAudit | null {
  const samples = collected?.samples ?? [];
  if (!samples.length) return null;
  const lastAt = Date.parse(samples[samples.length - 1].at);
  const shift = opts.now ? opts.now.getTime() - lastAt : 0;
  const at = (s: ConnectionSample) => Date.parse(s.at) + shift;
  const firstAt = at(samples[0]);
  const interval = (at(samples[samples.length - 1]) - firstAt) / 1000;

  interface Conn {
    key: string;
    row: SessionRow;
    ageSeconds: number;
    opened: boolean;
  }
  const conns = new Map<string, Conn>();
  interface Group {
    key: ReturnType<typeof groupKey>;
    peak: number;
    peakIdle: number;
    peakIdleInTransaction: number;
    peakActive: number;
    longestTransaction: number;
    longestStatement: number;
    longestIdleInTransaction: number;
  }
  const groups = new Map<string, Group>();
  const groupOf = (s: SessionRow) => {
    const k = groupKey(s);
    const id = `${k.application}\u0000${k.user}\u0000${k.client}`;
    let g = groups.get(id);
    if (!g)
      groups.set(
        id,
        (g = {
          key: k,
          peak: 0,
          peakIdle: 0,
          peakIdleInTransaction: 0,
          peakActive: 0,
          longestTransaction: 0,
          longestStatement: 0,
          longestIdleInTransaction: 0,
        }),
      );
    return { id, g };
  };
  let peak = 0;
  let peakIdleInTransaction = 0;
  for (const sample of samples) {
    const t = at(sample);
    const counts = new Map<string, { all: number; idle: number; iit: number; active: number }>();
    peak = Math.max(peak, sample.sessions.length);
    peakIdleInTransaction = Math.max(
      peakIdleInTransaction,
      sample.sessions.filter((s) => s.state?.startsWith("idle in transaction")).length,
    );
    for (const s of sample.sessions) {
      const { id, g } = groupOf(s);
      const c = counts.get(id) ?? { all: 0, idle: 0, iit: 0, active: 0 };
      c.all++;
      if (s.state === "idle") c.idle++;
      else if (s.state?.startsWith("idle in transaction")) c.iit++;
      else if (s.state === "active") c.active++;
      counts.set(id, c);
      if (s.xactStart) g.longestTransaction = Math.max(g.longestTransaction, seconds(s.xactStart, t));
      if (s.state === "active" && s.queryStart) g.longestStatement = Math.max(g.longestStatement, seconds(s.queryStart, t));
      if (s.state?.startsWith("idle in transaction") && s.stateChange)
        g.longestIdleInTransaction = Math.max(g.longestIdleInTransaction, seconds(s.stateChange, t));
      // A connection is one backend: the same pid with the same start time.
      const ck = `${s.pid}@${s.backendStart ?? "?"}`;
      const prev = conns.get(ck);
      const opened = !!s.backendStart && Date.parse(s.backendStart) + shift > firstAt;
      conns.set(ck, { key: id, row: s, ageSeconds: Math.max(prev?.ageSeconds ?? 0, seconds(s.backendStart, t)), opened });
    }
    for (const [id, c] of counts) {
      const g = groups.get(id)!;
      g.peak = Math.max(g.peak, c.all);
      g.peakIdle = Math.max(g.peakIdle, c.idle);
      g.peakIdleInTransaction = Math.max(g.peakIdleInTransaction, c.iit);
      g.peakActive = Math.max(g.peakActive, c.active);
    }
  }

  const perSecond = (n: number) => (interval > 0 ? r3(n / interval) : 0);
  const applications: ApplicationConnections[] = [...groups.entries()].map(([id, g]) => {
    const mine = [...conns.values()].filter((c) => c.key === id);
    const visible = mine.filter((c) => c.row.backendStart);
    const ages = visible.map((c) => c.ageSeconds).sort((a, b) => a - b);
    const oldest = visible.reduce<Conn | undefined>((o, c) => (!o || c.ageSeconds > o.ageSeconds ? c : o), undefined);
    const opened = mine.filter((c) => c.opened).length;
    return {
      ...g.key,
      peak: g.peak,
      peakIdle: g.peakIdle,
      peakIdleInTransaction: g.peakIdleInTransaction,
      peakActive: g.peakActive,
      connections: mine.length,
      opened,
      openedPerSecond: perSecond(opened),
      ageSeconds: ages.length ? { min: r1(ages[0]), median: r1(ages[Math.floor(ages.length / 2)]), max: r1(ages[ages.length - 1]) } : null,
      oldestConnectionStart: oldest?.row.backendStart ?? null,
      longestTransactionSeconds: r1(g.longestTransaction),
      longestStatementSeconds: r1(g.longestStatement),
      longestIdleInTransactionSeconds: r1(g.longestIdleInTransaction),
      hidden: mine.length - visible.length,
      auth: [...new Set(visible.map((c) => authOf(c.row)))].sort(),
      ssl: visible.length > 0 && visible.every((c) => c.row.ssl),
    };
  });
  applications.sort(
    (a, b) =>
      b.peak - a.peak || a.application.localeCompare(b.application) || a.user.localeCompare(b.user) || a.client.localeCompare(b.client),
  );

  const all = [...conns.values()];
  const visible = all.filter((c) => c.row.backendStart);
  const histogram = AGE_BUCKETS.map((b) => ({ bucket: b.label, connections: 0 }));
  for (const c of visible) histogram[AGE_BUCKETS.findIndex((b) => c.ageSeconds < b.maxSeconds)].connections++;
  const first = samples[0].sessionsTotal;
  const last = samples[samples.length - 1].sessionsTotal;
  const opened = all.filter((c) => c.opened).length;
  return {
    samples: samples.length,
    seconds: r1(interval),
    firstAt: new Date(firstAt).toISOString(),
    lastAt: new Date(at(samples[samples.length - 1])).toISOString(),
    totals: {
      peak,
      peakIdleInTransaction,
      connections: all.length,
      opened,
      openedPerSecond: perSecond(opened),
      // The assessment's own session is counted by pg_stat_database.sessions once: leave it out.
      sessionsPerSecond: first !== null && last !== null && interval > 0 ? r3(Math.max(0, last - first) / interval) : null,
      oldestSeconds: r1(visible.reduce((m, c) => Math.max(m, c.ageSeconds), 0)),
      hidden: all.length - visible.length,
    },
    applications,
    ageHistogram: histogram,
    ...settingsOf(collected?.settings ?? null),
    limits: DSQL_CONNECTION_LIMITS,
  };
}

/** Settings as the applications see them. Our own session sets the two timeouts at startup, so those values are not the server's. */
function settingsOf(cs: ConnectionsCollected["settings"]): Pick<ConnectionAudit, "settings" | "overrides"> {
  if (!cs) return { settings: [], overrides: [] };
  const settings = cs.settings.map((s): ConnectionSetting => {
    // "client" = our startup packet; "session" = the psql collector's SET, whose reset value is the server's.
    const own = s.source === "client" || s.source === "session";
    const raw = s.source === "session" ? s.resetVal : own ? null : s.setting;
    const numeric = raw === null || raw === "" ? null : Number(raw);
    return {
      name: s.name,
      value: raw === null ? null : humanSetting(s.name, raw, s.unit),
      numeric: numeric !== null && Number.isFinite(numeric) ? numeric : null,
      source: own && raw === null ? "not visible: the assessment session sets its own value" : s.source === "session" ? "server" : s.source,
    };
  });
  const overrides = cs.overrides.map((o) => ({
    role: o.role,
    database: o.database,
    settings: o.config.filter((c) => /^(statement_timeout|idle_in_transaction_session_timeout|idle_session_timeout)=/.test(c)),
  }));
  return { settings, overrides };
}

function humanSetting(name: string, raw: string, unit: string | null): string {
  if (unit === "ms") {
    const ms = Number(raw);
    if (ms === 0) return "0 (off)";
    return ms % 60000 === 0 ? `${ms / 60000} min` : ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
  }
  return raw;
}
