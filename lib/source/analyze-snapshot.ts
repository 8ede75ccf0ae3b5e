/**
 * From a snapshot to the assessment: the catalog becomes pg_dump-shaped DDL analysed by the same
 * engine as an uploaded dump (so findings match), measured sizes are attached to the model, and the
 * workload adds its own findings plus the `source`, `workload`, `hotspots` and `cost` report sections.
 */
import { analyze, type AnalysisResult, type AnalyzeOptions } from "../analyze";
import { estimateCost, type CostEstimate, type CostOptions } from "../cost/model";

import { buildReport, type AssessmentReport } from "../report/contract";
import type { Finding } from "../rules/core/rule";
import { analyzeHotspots, type HotspotSection } from "../workload/hotspots";
import { buildProfile, type WorkloadProfile } from "../workload/profile";
import { round, statementFindings, LIMITS } from "../workload/rules";
import { auditConnections, type ConnectionAudit } from "../workload/connections";
import { connectionFindings } from "../workload/connection-findings";
import { completeNotes } from "./collect";
import { catalogToDdl } from "./ddl";
import type { CollectionNote, Snapshot } from "./snapshot";

export interface SnapshotAnalysisOptions extends CostOptions {
  targetDate?: string;
  /** Receives each parsed statement of the catalog DDL (the pipeline keeps them for the rewrite). */
  onStatement?: AnalyzeOptions["onStatement"];
  /** The clock the connection audit measures ages against (default: the time of the last sample). */
  now?: Date;
}

export interface SourceSection {
  collector: Snapshot["collector"];
  collectedAt: string;
  database: string;
  serverVersion: string;
  serverVersionNum: number;
  user: string;
  sampleSeconds: number;
  permissions: {
    superuser: boolean;
    readAllStats: boolean;
    trackCounts: boolean;
    pgStatStatements: Snapshot["preflight"]["pgStatStatements"];
  };
  collected: CollectionNote[];
  sizes?: { databaseBytes: number; tables: number; indexes: number };
  catalogFile: string;
}

export interface WorkloadSection {
  basis: {
    tables: WorkloadProfile["tableBasis"];
    tableSeconds: number;
    statements: WorkloadProfile["statementBasis"];
    statementSeconds: number;
  };
  commitsPerSec: number;
  tables: Array<{
    table: string;
    rowEstimate: number;
    avgRowBytes: number;
    widthSource: string;
    totalBytes: number;
    secondaryIndexes: number;
    indexBytes: number;
    unusedIndexes: string[];
    insertsPerSec: number;
    updatesPerSec: number;
    deletesPerSec: number;
    scansPerSec: number;
  }>;
  statements: Array<{
    id: string;
    query: string;
    kind: string;
    table?: string;
    calls: number;
    rows: number;
    meanMs: number;
    totalMs: number;
    maxMs: number;
    callsPerSec: number;
  }>;
  limits: typeof LIMITS;
}

export interface SnapshotAnalysis {
  result: AnalysisResult;
  /** The synthesized DDL the schema findings point into (file `catalog:<db>`). */
  ddl: string;
  workloadFindings: Finding[];
  sections: {
    source: SourceSection;
    workload: WorkloadSection | null;
    hotspots: HotspotSection | null;
    cost: CostEstimate | null;
    connections: ConnectionAudit | null;
  };
}

export async function analyzeSnapshot(snap: Snapshot, opts: SnapshotAnalysisOptions = {}): Promise<SnapshotAnalysis> {
  const file = `catalog:${snap.preflight.database}`;
  const ddl = snap.catalog ? catalogToDdl(snap.catalog) : "";
  const result = snap.catalog
    ? await analyze([{ path: file, text: ddl, bytes: Buffer.byteLength(ddl), encoding: "utf-8" }], {
        targetDate: opts.targetDate,
        onStatement: opts.onStatement,
      })
    : await analyze([], { targetDate: opts.targetDate });

  const profile = await buildProfile(snap);
  // Measured sizes and activity onto the model, for rules and the dashboard.
  for (const t of result.model.tables.values()) {
    const cat = snap.catalog?.tables.find((x) => x.schema === t.schema && x.name === t.name);
    const p = cat ? profile.tables.get(cat.q) : undefined;
    if (!p) continue;
    t.stats = {
      rowEstimate: p.rowEstimate,
      avgRowBytes: p.avgRowBytes,
      totalBytes: p.totalBytes,
      inserts: p.totals.inserts,
      updates: p.totals.updates,
      deletes: p.totals.deletes,
    };
  }

  const widthOf = (q: string) => profile.tables.get(q)?.avgRowBytes ?? 128;
  const idxOf = (q: string) => profile.tables.get(q)?.secondaryIndexes ?? 0;
  const workloadFindings = statementFindings(profile.statements, widthOf, idxOf);
  const hs = snap.catalog ? analyzeHotspots(result.model, profile) : null;
  if (hs) workloadFindings.push(...hs.findings);
  const connections = auditConnections(snap.connections, { now: opts.now });
  workloadFindings.push(...connectionFindings(connections));

  const source: SourceSection = {
    collector: snap.collector,
    collectedAt: snap.collectedAt,
    database: snap.preflight.database,
    serverVersion: snap.preflight.serverVersion,
    serverVersionNum: snap.preflight.serverVersionNum,
    user: snap.preflight.user,
    sampleSeconds: round(snap.sampleSeconds, 1),
    permissions: {
      superuser: snap.preflight.superuser,
      readAllStats: snap.preflight.readAllStats,
      trackCounts: snap.preflight.trackCounts,
      pgStatStatements: snap.preflight.pgStatStatements,
    },
    collected:
      snap.collector === "psql" && snap.notes.length === 0
        ? completeNotes(snap.preflight, snap.catalog, snap.statements, [], snap.connections?.samples)
        : snap.notes,
    sizes: snap.catalog
      ? { databaseBytes: snap.catalog.database.sizeBytes, tables: snap.catalog.tables.length, indexes: snap.catalog.indexes.length }
      : undefined,
    catalogFile: file,
  };
  const workload: WorkloadSection | null = snap.catalog
    ? {
        basis: {
          tables: profile.tableBasis,
          tableSeconds: round(profile.tableSeconds, 1),
          statements: profile.statementBasis,
          statementSeconds: round(profile.statementSeconds, 1),
        },
        commitsPerSec: round(profile.commitsPerSec, 3),
        tables: [...profile.tables.values()].map((t) => ({
          table: t.q,
          rowEstimate: t.rowEstimate,
          avgRowBytes: t.avgRowBytes,
          widthSource: t.widthSource,
          totalBytes: t.totalBytes,
          secondaryIndexes: t.secondaryIndexes,
          indexBytes: t.indexBytes,
          unusedIndexes: t.unusedIndexes,
          insertsPerSec: round(t.rates.insertsPerSec, 3),
          updatesPerSec: round(t.rates.updatesPerSec, 3),
          deletesPerSec: round(t.rates.deletesPerSec, 3),
          scansPerSec: round(t.rates.scansPerSec, 3),
        })),
        statements: profile.statements.slice(0, 200).map((s) => ({
          id: s.id,
          query: s.query.length > 500 ? `${s.query.slice(0, 500)} …` : s.query,
          kind: s.kind,
          table: s.target ?? s.reads[0],
          calls: s.calls,
          rows: s.rows,
          meanMs: round(s.meanMs, 3),
          totalMs: round(s.totalMs, 1),
          maxMs: round(s.maxMs, 1),
          callsPerSec: round(profile.rate(s).callsPerSec, 3),
        })),
        limits: LIMITS,
      }
    : null;
  const cost = snap.catalog ? estimateCost(profile, opts) : null;
  return { result, ddl, workloadFindings, sections: { source, workload, hotspots: hs?.section ?? null, cost, connections } };
}

/** The full JSON report for a live database or a snapshot: schema + workload findings and the extra sections. */
export function buildSourceReport(a: SnapshotAnalysis, now: Date = new Date()): AssessmentReport {
  const findings = [...a.result.findings, ...a.workloadFindings];
  const report = buildReport({ ...a.result, findings }, now);
  return { ...report, ...a.sections };
}
