/**
 * The measured workload: per-table rates from two pg_stat_user_tables samples, per-statement rates
 * from pg_stat_statements, row widths and index counts from the catalog. Rates come from the sampling
 * interval when anything happened during it; otherwise from cumulative counters since the last stats
 * reset, which is said explicitly in `basis`.
 */
import type { ActivitySample, Snapshot, TableSample } from "../source/snapshot";
import { observeStatements, type ObservedStatement } from "./observed";

export interface TableProfile {
  q: string;
  rowEstimate: number;
  avgRowBytes: number;
  widthSource: "pg_stats" | "pages" | "assumed";
  totalBytes: number;
  tableBytes: number;
  /** Secondary indexes: every index except the primary key's. */
  secondaryIndexes: number;
  indexBytes: number;
  /** Non-unique secondary indexes never scanned since the stats reset. */
  unusedIndexes: string[];
  liveTuples: number;
  rates: { insertsPerSec: number; updatesPerSec: number; deletesPerSec: number; tuplesReadPerSec: number; scansPerSec: number };
  totals: { inserts: number; updates: number; hotUpdates: number; deletes: number };
}

export type Basis = "interval" | "cumulative" | "none";

export interface WorkloadProfile {
  tableBasis: Basis;
  tableSeconds: number;
  statementBasis: Basis;
  statementSeconds: number;
  tables: Map<string, TableProfile>;
  statements: ObservedStatement[];
  commitsPerSec: number;
  statementsCollected: boolean;
  /** Per-statement rate on the chosen basis. */
  rate(s: ObservedStatement): { callsPerSec: number; rowsPerSec: number; execSecondsPerSec: number };
}

const DEFAULT_WIDTH = 128;

export async function buildProfile(snap: Snapshot): Promise<WorkloadProfile> {
  const cat = snap.catalog;
  const tables = new Map<string, TableProfile>();
  const [a, b] = [snap.samples[0], snap.samples[snap.samples.length - 1]];
  const interval = snap.samples.length > 1 ? (Date.parse(b.at) - Date.parse(a.at)) / 1000 : 0;
  const first = new Map((a?.tables ?? []).map((t) => [t.q, t]));
  const delta = (t: TableSample, k: keyof TableSample) => Number(t[k]) - Number(first.get(t.q)?.[k] ?? 0);
  const anyIntervalActivity =
    interval > 0 &&
    (b?.tables ?? []).some(
      (t) => delta(t, "inserts") + delta(t, "updates") + delta(t, "deletes") + delta(t, "seqTupRead") + delta(t, "idxTupFetch") > 0,
    );
  const since = Date.parse(snap.preflight.statsReset ?? snap.preflight.postmasterStart);
  const cumulativeSeconds = Math.max(1, (Date.parse(b?.at ?? snap.preflight.now) - since) / 1000);
  const tableBasis: Basis = anyIntervalActivity
    ? "interval"
    : (b?.tables ?? []).some((t) => t.inserts + t.updates + t.deletes > 0)
      ? "cumulative"
      : "none";
  const tableSeconds = tableBasis === "interval" ? interval : cumulativeSeconds;

  for (const t of cat?.tables ?? []) {
    const s = b?.tables.find((x) => x.q === t.q);
    const idx = (cat?.indexes ?? []).filter((i) => i.table === t.q);
    const secondary = idx.filter((i) => !i.primary);
    const statsWidth = t.columns.reduce((sum, c) => sum + (c.avgWidth ?? 0), 0);
    const hasStats = t.columns.some((c) => c.avgWidth !== null);
    const pagesWidth = t.stats.reltuples > 0 ? (t.stats.tableBytes || t.stats.relpages * 8192) / t.stats.reltuples : 0;
    const width = hasStats && statsWidth > 0 ? statsWidth : pagesWidth > 0 ? pagesWidth : DEFAULT_WIDTH;
    const per = (k: keyof TableSample) =>
      !s || tableBasis === "none" ? 0 : (tableBasis === "interval" ? delta(s, k) : Number(s[k])) / tableSeconds;
    tables.set(t.q, {
      q: t.q,
      rowEstimate: Math.max(0, t.stats.reltuples),
      avgRowBytes: Math.round(width),
      widthSource: hasStats && statsWidth > 0 ? "pg_stats" : pagesWidth > 0 ? "pages" : "assumed",
      totalBytes: t.stats.totalBytes,
      tableBytes: t.stats.tableBytes,
      secondaryIndexes: secondary.length,
      indexBytes: idx.reduce((x, i) => x + i.sizeBytes, 0),
      unusedIndexes: secondary.filter((i) => !i.unique && (i.scans ?? 0) === 0).map((i) => i.q),
      liveTuples: s?.liveTuples ?? Math.max(0, t.stats.reltuples),
      rates: {
        insertsPerSec: per("inserts"),
        updatesPerSec: per("updates"),
        deletesPerSec: per("deletes"),
        tuplesReadPerSec: per("seqTupRead") + per("idxTupFetch"),
        scansPerSec: per("seqScan") + per("idxScan"),
      },
      totals: { inserts: s?.inserts ?? 0, updates: s?.updates ?? 0, hotUpdates: s?.hotUpdates ?? 0, deletes: s?.deletes ?? 0 },
    });
  }

  const statements = await observeStatements(snap.statements);
  const st = snap.statements ?? [];
  const stInterval = st.length > 1 ? (Date.parse(st[st.length - 1].at) - Date.parse(st[0].at)) / 1000 : 0;
  const anyStmtInterval = stInterval > 0 && statements.some((s) => s.interval.calls > 0 && s.kind !== "utility");
  const stmtSince = Date.parse(st[st.length - 1]?.reset ?? snap.preflight.statsReset ?? snap.preflight.postmasterStart);
  const statementBasis: Basis = !st.length
    ? "none"
    : anyStmtInterval
      ? "interval"
      : statements.some((s) => s.calls > 0)
        ? "cumulative"
        : "none";
  const statementSeconds =
    statementBasis === "interval" ? stInterval : Math.max(1, (Date.parse(st[st.length - 1]?.at ?? snap.preflight.now) - stmtSince) / 1000);

  const db = (x: ActivitySample | undefined) => x?.database;
  const commits =
    tableBasis === "interval" && db(a) && db(b)
      ? (db(b)!.xactCommit - db(a)!.xactCommit) / interval
      : db(b)
        ? db(b)!.xactCommit / cumulativeSeconds
        : 0;

  return {
    tableBasis,
    tableSeconds,
    statementBasis,
    statementSeconds,
    tables,
    statements,
    commitsPerSec: commits,
    statementsCollected: st.length > 0,
    rate(s) {
      const useInterval = statementBasis === "interval";
      const calls = useInterval ? s.interval.calls : s.calls;
      const rows = useInterval ? s.interval.rows : s.rows;
      const ms = useInterval ? s.interval.totalMs : s.totalMs;
      const secs = statementSeconds || 1;
      return { callsPerSec: calls / secs, rowsPerSec: rows / secs, execSecondsPerSec: ms / 1000 / secs };
    },
  };
}
