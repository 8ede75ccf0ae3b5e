/**
 * Live collection: preflight, catalog, two activity samples `sampleSeconds` apart, and
 * pg_stat_statements at both samples. Every piece that cannot be read becomes a note; only a failure
 * to connect or to read the catalog at all is an error. Nothing is written to the source.
 */
import { openReadOnly, parseConnection, toSourceError, type ConnectionSpec, type SessionOptions } from "./connect";
import { CATALOG_SQL, PREFLIGHT_SQL, SAMPLE_SQL, statementsSql } from "./queries";
import { ACTIVITY_SAMPLES, ACTIVITY_SQL, CONNECTION_SETTINGS_SQL } from "./connection-queries";
import {
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  type ActivitySample,
  type Catalog,
  type CollectionNote,
  type ConnectionSample,
  type ConnectionSettings,
  type Preflight,
  type Snapshot,
  type StatementsSample,
} from "./snapshot";

export type CollectPhase = "connect" | "preflight" | "catalog" | "sample" | "statements" | "done";

export interface CollectProgress {
  phase: CollectPhase;
  message: string;
  /** During sampling: seconds waited so far and in total. */
  elapsedSeconds?: number;
  totalSeconds?: number;
}

export interface CollectOptions extends SessionOptions {
  /** Seconds between the two activity samples (default 60; 0 skips the second sample). */
  sampleSeconds?: number;
  onProgress?: (p: CollectProgress) => void;
  signal?: AbortSignal;
}

export const DEFAULT_SAMPLE_SECONDS = 60;

export async function collectSource(conn: ConnectionSpec, opts: CollectOptions = {}): Promise<Snapshot> {
  const f = parseConnection(conn);
  const secrets = [f.password].filter((s): s is string => !!s);
  const progress = opts.onProgress ?? (() => {});
  const sampleSeconds = opts.sampleSeconds ?? DEFAULT_SAMPLE_SECONDS;
  progress({ phase: "connect", message: "connecting (read-only session)" });
  const client = await openReadOnly(f, opts);
  try {
    const one = async <T>(sql: string): Promise<T> => (await client.query(sql)).rows[0].j as T;
    progress({ phase: "preflight", message: "checking permissions" });
    const preflight = await one<Preflight>(PREFLIGHT_SQL).catch((e) => {
      throw toSourceError(e, f, secrets);
    });
    const notes: CollectionNote[] = [];

    progress({ phase: "catalog", message: "reading the catalog" });
    let catalog: Catalog | null = null;
    try {
      catalog = await one<Catalog>(CATALOG_SQL);
    } catch (e) {
      notes.push({ item: "catalog", collected: false, reason: `the catalog query failed: ${toSourceError(e, f, secrets).message}` });
    }

    const pgss = preflight.pgStatStatements;
    const canStatements = !!pgss?.readable;
    const statements: StatementsSample[] = [];
    const readStatements = async () => {
      if (!canStatements) return;
      try {
        statements.push(await one<StatementsSample>(statementsSql(quoteIdent(pgss!.schema))));
      } catch (e) {
        const msg = String((e as Error).message);
        if (notes.some((n) => n.item === "statements")) return;
        notes.push({
          item: "statements",
          collected: false,
          reason: /shared_preload_libraries/.test(msg)
            ? "pg_stat_statements is installed but not loaded: add it to shared_preload_libraries and restart the server"
            : `reading pg_stat_statements failed: ${toSourceError(e, f, secrets).message}`,
        });
      }
    };

    // Connections: pg_stat_activity at evenly spaced points of the interval, so short-lived connections and peaks show.
    const connectionSamples: ConnectionSample[] = [];
    let connectionSettings: ConnectionSettings | null = null;
    const readConnections = async () => {
      if (notes.some((n) => n.item === "connections")) return;
      try {
        connectionSettings ??= await one<ConnectionSettings>(CONNECTION_SETTINGS_SQL);
        connectionSamples.push(await one<ConnectionSample>(ACTIVITY_SQL));
      } catch (e) {
        notes.push({
          item: "connections",
          collected: false,
          reason: `reading pg_stat_activity failed: ${toSourceError(e, f, secrets).message}`,
        });
      }
    };

    const samples: ActivitySample[] = [];
    progress({ phase: "sample", message: "first activity sample", elapsedSeconds: 0, totalSeconds: sampleSeconds });
    samples.push(await one<ActivitySample>(SAMPLE_SQL));
    await readStatements();
    await readConnections();
    if (sampleSeconds > 0) {
      const slice = sampleSeconds / (ACTIVITY_SAMPLES - 1);
      let lastTick = 0;
      for (let i = 1; i < ACTIVITY_SAMPLES; i++) {
        const before = slice * (i - 1);
        await wait(slice, opts.signal, (s) => {
          const at = Math.min(sampleSeconds, Math.round(before + s));
          if (at === lastTick) return;
          lastTick = at;
          progress({
            phase: "sample",
            message: `sampling activity (${at}/${sampleSeconds} s)`,
            elapsedSeconds: at,
            totalSeconds: sampleSeconds,
          });
        });
        if (i < ACTIVITY_SAMPLES - 1) await readConnections();
      }
      samples.push(await one<ActivitySample>(SAMPLE_SQL));
      await readConnections();
      if (statements.length) {
        progress({ phase: "statements", message: "reading pg_stat_statements again" });
        await readStatements();
      }
    }
    progress({ phase: "done", message: "collection finished" });
    return {
      format: SNAPSHOT_FORMAT,
      formatVersion: SNAPSHOT_VERSION,
      collector: "live",
      collectedAt: new Date().toISOString(),
      sampleSeconds: samples.length > 1 ? (Date.parse(samples[1].at) - Date.parse(samples[0].at)) / 1000 : 0,
      preflight,
      catalog,
      samples,
      statements: statements.length ? statements : null,
      connections: connectionSamples.length ? { samples: connectionSamples, settings: connectionSettings } : null,
      notes: completeNotes(preflight, catalog, statements.length ? statements : null, notes, connectionSamples),
    };
  } catch (e) {
    throw toSourceError(e, f, secrets);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The full "what was collected and what was not" list. Live runs pass their runtime failures; psql
 * snapshots get the same list derived at analysis time, so both paths report identically.
 */
export function completeNotes(
  p: Preflight,
  catalog: Catalog | null,
  statements: StatementsSample[] | null,
  runtime: CollectionNote[],
  connections: ConnectionSample[] = [],
): CollectionNote[] {
  const notes = preflightNotes(p).filter((n) => !runtime.some((r) => r.item === n.item));
  notes.push(...runtime);
  if (!catalog && !notes.some((n) => n.item === "catalog"))
    notes.push({ item: "catalog", collected: false, reason: "the catalog query failed" });
  if (catalog)
    notes.push({
      item: "catalog",
      collected: true,
      reason: `${catalog.tables.length} tables, ${catalog.indexes.length} indexes, ${catalog.routines.length} routines`,
    });
  const pgss = p.pgStatStatements;
  if (pgss?.readable && !notes.some((n) => n.item === "statements")) {
    if (!statements)
      notes.push({
        item: "statements",
        collected: false,
        reason: "pg_stat_statements is installed but could not be read: it must be in shared_preload_libraries (restart needed)",
      });
    else {
      const hidden = statements[0].statements.filter((s) => s.query === "<insufficient privilege>").length;
      notes.push(
        hidden > 0
          ? {
              item: "statements",
              collected: "partial",
              reason: `${hidden} statements of other roles are hidden: grant pg_read_all_stats to see their text`,
            }
          : { item: "statements", collected: true, reason: `pg_stat_statements ${pgss.version}` },
      );
    }
  }
  if (!notes.some((n) => n.item === "connections")) notes.push(connectionsNote(p, connections));
  const order = ["catalog", "table-activity", "statements", "connections", "statistics", "sizes"];
  return notes.sort((a, b) => order.indexOf(a.item) - order.indexOf(b.item));
}

function connectionsNote(p: Preflight, samples: ConnectionSample[]): CollectionNote {
  if (!samples.length)
    return {
      item: "connections",
      collected: false,
      reason: "pg_stat_activity was not sampled (the snapshot was made by an older collector)",
    };
  const hidden = new Set(samples.flatMap((s) => s.sessions.filter((x) => x.backendStart === null).map((x) => x.pid))).size;
  if (hidden > 0 && !p.readAllStats && !p.superuser)
    return {
      item: "connections",
      collected: "partial",
      reason: `${hidden} sessions of other roles show no times or state: grant pg_read_all_stats to the assessment role to see connection ages`,
    };
  return {
    item: "connections",
    collected: true,
    reason: `pg_stat_activity sampled ${samples.length} time${samples.length === 1 ? "" : "s"}`,
  };
}

/** What the preflight says we will not get, as user-facing notes (the psql collector writes the same). */
export function preflightNotes(p: Preflight): CollectionNote[] {
  const notes: CollectionNote[] = [];
  if (!p.catalogAccess)
    notes.push({ item: "catalog", collected: false, reason: "this role cannot read pg_catalog.pg_class / pg_attribute" });
  if (!p.trackCounts)
    notes.push({
      item: "table-activity",
      collected: false,
      reason: "track_counts is off, so pg_stat_user_tables has no insert/update/delete counts",
    });
  else notes.push({ item: "table-activity", collected: true, reason: "pg_stat_user_tables sampled twice" });
  const s = p.pgStatStatements;
  if (!s)
    notes.push({
      item: "statements",
      collected: false,
      reason:
        "the pg_stat_statements extension is not installed in this database (CREATE EXTENSION pg_stat_statements; it must also be in shared_preload_libraries)",
    });
  else if (!s.readable)
    notes.push({ item: "statements", collected: false, reason: `this role cannot SELECT from ${s.schema}.pg_stat_statements` });
  else if (!p.readAllStats && !p.superuser)
    notes.push({
      item: "statements",
      collected: "partial",
      reason: "without pg_read_all_stats only this role's own statements show their text (GRANT pg_read_all_stats TO the assessment role)",
    });
  return notes;
}

function quoteIdent(s: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`;
}

async function wait(seconds: number, signal: AbortSignal | undefined, tick: (s: number) => void): Promise<void> {
  const start = Date.now();
  let last = -1;
  while (Date.now() - start < seconds * 1000) {
    if (signal?.aborted) throw new Error("collection cancelled");
    const s = Math.floor((Date.now() - start) / 1000);
    if (s !== last) {
      last = s;
      tick(s);
    }
    await new Promise((r) => setTimeout(r, Math.min(250, seconds * 1000 - (Date.now() - start))));
  }
  tick(seconds);
}
