/**
 * Write hotspots and OCC-conflict risk per table. The schema says which keys are monotonic (identity,
 * sequence, serial, timestamp-led, time-ordered UUIDs) and which tables look like counters; the
 * workload says whether it matters: insert rate on that key, updates concentrated on few live rows,
 * FOR UPDATE on rows many calls share. Every entry shows its evidence and a concrete remedy.
 */
import { key, primaryKey, type SchemaModel } from "../model/schema";
import { counterColumns, monotonicKind } from "./keys";
import type { Finding } from "../rules/core/rule";
import { quoteIdent } from "./observed";
import type { WorkloadProfile } from "./profile";
import { round, workloadFinding } from "./rules";

export type { KeyKind } from "./keys";

export interface Hotspot {
  table: string;
  risk: "high" | "medium" | "low";
  kinds: Array<"sequential-key" | "monotonic-index" | "hot-rows" | "counter-table" | "for-update">;
  evidence: Record<string, string | number>;
  reasons: string[];
  remedy: string;
}

export interface HotspotSection {
  basis: WorkloadProfile["tableBasis"];
  thresholds: typeof THRESHOLDS;
  tables: Hotspot[];
}

/** When measured activity turns schema advice into a warning. Published in the report. */
export const THRESHOLDS = {
  /** Inserts per second on a monotonic key. */
  insertsPerSecWarning: 50,
  /** Updates per second per live row, and the row count under which a table counts as "few rows". */
  updatesPerRowPerSec: 0.5,
  fewRows: 100,
  /** FOR UPDATE calls per second on a small table. */
  forUpdatePerSec: 1,
};

const qname = (t: { schema: string; name: string }) => `${quoteIdent(t.schema)}.${quoteIdent(t.name)}`;

export function analyzeHotspots(model: SchemaModel, profile: WorkloadProfile): { section: HotspotSection; findings: Finding[] } {
  const out: Hotspot[] = [];
  const findings: Finding[] = [];
  const measured = profile.tableBasis !== "none";

  // FOR UPDATE / counter updates per table, from observed statements.
  const forUpdate = new Map<string, { calls: number; perSec: number; id: string; query: string }>();
  const counterUpdates = new Map<string, { calls: number; perSec: number; query: string }>();
  for (const s of profile.statements) {
    const r = profile.rate(s);
    for (const l of s.locking) {
      if (l.strength !== "LCS_FORUPDATE") continue;
      for (const t of l.tables) {
        const cur = forUpdate.get(t);
        if (!cur || cur.calls < s.calls) forUpdate.set(t, { calls: s.calls, perSec: r.callsPerSec, id: s.id, query: s.query });
      }
    }
    if (s.counterUpdate && s.target) {
      const cur = counterUpdates.get(s.target);
      counterUpdates.set(s.target, {
        calls: (cur?.calls ?? 0) + s.calls,
        perSec: (cur?.perSec ?? 0) + r.callsPerSec,
        query: cur?.query ?? s.query,
      });
    }
  }

  for (const t of model.tables.values()) {
    if (t.partitionOf) continue;
    const q = qname(t);
    const p = profile.tables.get(q);
    const h: Hotspot = { table: q, risk: "low", kinds: [], evidence: {}, reasons: [], remedy: "" };
    const remedies: string[] = [];
    const obj = { kind: "table", schema: t.schema, name: t.name };

    const pk = primaryKey(t);
    const lead = pk ? t.columns.find((c) => c.name === pk.columns[0]) : undefined;
    const kk = monotonicKind(lead);
    const ins = p?.rates.insertsPerSec ?? 0;
    if (kk) {
      h.kinds.push("sequential-key");
      h.evidence.keyColumn = lead!.name;
      h.evidence.keyKind = kk;
      h.reasons.push(`primary key led by ${lead!.name} (${kk})`);
      remedies.push("use a random key (uuid DEFAULT gen_random_uuid()) or a composite key led by a distributed column");
      if (ins > 0) {
        h.evidence.insertsPerSec = round(ins);
        const warn = ins >= THRESHOLDS.insertsPerSecWarning;
        if (warn) h.risk = "high";
        else if (h.risk === "low") h.risk = "medium";
        const f = workloadFinding(
          "workload-sequential-key-inserts",
          `${q}: ${round(ins)} inserts/s measured on a primary key led by ${lead!.name} (${kk}); every new row lands at the end of the key range`,
          obj,
          { insertsPerSec: round(ins), inserts: p!.totals.inserts, keyColumn: lead!.name, keyKind: kk, basis: profile.tableBasis },
          "",
          "pg_stat_user_tables",
        );
        if (!warn) f.severity = "advice";
        findings.push(f);
      }
    }

    for (const idx of model.indexes.values()) {
      if (key(idx.table) !== key(t) || idx.keys[0]?.expression) continue;
      if (pk && idx.keys.length === pk.columns.length && idx.keys.every((k, i) => k.column === pk.columns[i])) continue;
      const col = t.columns.find((c) => c.name === idx.keys[0]?.column);
      const mk = monotonicKind(col);
      if (!mk) continue;
      h.kinds.includes("monotonic-index") || h.kinds.push("monotonic-index");
      h.reasons.push(`index ${idx.name} led by ${col!.name} (${mk})`);
      if (ins > 0) {
        if (h.risk === "low") h.risk = "medium";
        findings.push(
          workloadFinding(
            "workload-monotonic-index-inserts",
            `${idx.schema}.${idx.name} on ${q} is led by ${col!.name} (${mk}) and receives ${round(ins)} new entries/s at one end of its key range`,
            { kind: "index", schema: idx.schema, name: idx.name },
            { insertsPerSec: round(ins), column: col!.name, keyKind: mk, basis: profile.tableBasis },
            "",
            "pg_stat_user_tables",
          ),
        );
      }
    }
    if (h.kinds.includes("monotonic-index")) remedies.push("lead increasing-column indexes with a distributed column");

    const counters = counterColumns(t);
    const cu = counterUpdates.get(q);
    if (counters.length || cu) {
      h.kinds.push("counter-table");
      h.reasons.push(cu ? `UPDATE … SET x = x + … observed (${cu.calls} calls)` : `counter-like column ${counters.join(", ")}`);
    }
    const upd = p?.rates.updatesPerSec ?? 0;
    const live = Math.max(1, p?.liveTuples ?? 0);
    const perRow = upd / live;
    if (p && upd > 0 && live <= THRESHOLDS.fewRows && (perRow >= THRESHOLDS.updatesPerRowPerSec || cu)) {
      h.kinds.push("hot-rows");
      h.risk = "high";
      Object.assign(h.evidence, { updatesPerSec: round(upd), liveRows: live, updatesPerRowPerSec: round(perRow) });
      h.reasons.push(`${round(upd)} updates/s over ${live} live rows`);
      remedies.push("shard hot counters (N rows per logical counter, sum on read) or batch increments");
      findings.push(
        workloadFinding(
          "workload-hot-rows",
          `${q}: ${round(upd)} updates/s concentrated on ${live} live row${live === 1 ? "" : "s"} (${round(perRow)} per row per second); concurrent updates of one row conflict at commit under OCC`,
          obj,
          {
            updatesPerSec: round(upd),
            liveRows: live,
            updatesPerRowPerSec: round(perRow),
            updates: p.totals.updates,
            ...(cu ? { counterUpdateCalls: cu.calls } : {}),
            basis: profile.tableBasis,
          },
          cu?.query ?? "",
          "pg_stat_user_tables",
        ),
      );
    } else if (counters.length || cu) {
      remedies.push("avoid running-total rows: compute aggregates with a query or shard the counter");
      if (h.risk === "low") h.risk = measured && upd > 0 ? "medium" : "low";
    }

    const fu = forUpdate.get(q);
    if (fu) {
      h.kinds.push("for-update");
      h.reasons.push(`SELECT … FOR UPDATE (${fu.calls} calls)`);
      const small = (p?.liveTuples ?? Infinity) <= THRESHOLDS.fewRows;
      if (small && fu.perSec >= THRESHOLDS.forUpdatePerSec) {
        h.risk = "high";
        remedies.push("replace FOR UPDATE on shared rows with a conditional UPDATE, and retry on 40001");
        findings.push(
          workloadFinding(
            "workload-for-update-contention",
            `${q}: ${fu.calls} calls lock rows FOR UPDATE (${round(fu.perSec)}/s) on a table of ${p?.liveTuples} rows; overlapping transactions fail at commit with 40001`,
            obj,
            { calls: fu.calls, callsPerSec: round(fu.perSec), liveRows: p?.liveTuples ?? 0, basis: profile.statementBasis },
            fu.query,
          ),
        );
      }
    }

    if (h.kinds.length === 0) continue;
    h.remedy = [...new Set(remedies)].join("; ") || "no change needed at the measured load";
    out.push(h);
  }
  const order = { high: 0, medium: 1, low: 2 };
  out.sort((a, b) => order[a.risk] - order[b.risk] || a.table.localeCompare(b.table));
  return { section: { basis: profile.tableBasis, thresholds: THRESHOLDS, tables: out }, findings };
}
