"use client";
/**
 * What-if controls over a cost section: scale the workload, drop secondary indexes, add regions.
 * It recomputes from the section's own DPU breakdown (read, write, compute, storage) when present.
 */
import { useState } from "react";
import { SimpleBars } from "./charts";

interface CostLike {
  breakdown?: Record<string, number>;
  dpu?: Record<string, number>;
  pricePerDpu?: number;
  secondaryIndexes?: number;
  monthlyUsd?: number;
}

function parts(c: CostLike | null): Record<string, number> | undefined {
  const b = c?.breakdown ?? c?.dpu;
  if (!b) return undefined;
  const out = Object.fromEntries(Object.entries(b).filter(([, v]) => typeof v === "number")) as Record<string, number>;
  return Object.keys(out).length ? out : undefined;
}

export function CostWhatIf({ cost }: { cost: CostLike | null }) {
  const [scale, setScale] = useState(100);
  const [regions, setRegions] = useState(1);
  const [indexes, setIndexes] = useState<number | null>(null);
  const b = parts(cost);
  if (!cost || !b) {
    return (
      <p className="text-sm text-slate-600" data-testid="whatif-missing">
        What-if needs a cost breakdown, which comes from a live connection or a snapshot with workload statistics.
      </p>
    );
  }
  const idx = cost.secondaryIndexes ?? 0;
  const chosenIdx = indexes ?? idx;
  const writeFactor = idx > 0 ? (1 + chosenIdx) / (1 + idx) : 1;
  const scaled = Object.entries(b).map(([k, v]) => {
    let x = (v * scale) / 100;
    if (/write/i.test(k)) x *= writeFactor * regions;
    return { name: k, value: Math.round(x * 100) / 100 };
  });
  const total = scaled.reduce((n, r) => n + r.value, 0);
  return (
    <div className="space-y-3 text-sm">
      <label className="block">
        Workload: <span className="font-semibold tabular-nums">{scale}%</span> of today
        <input type="range" min={10} max={500} step={10} value={scale} onChange={(e) => setScale(Number(e.target.value))} className="mt-1 w-full" aria-label="Workload scale" />
      </label>
      {idx > 0 && (
        <label className="block">
          Secondary indexes: <span className="font-semibold tabular-nums">{chosenIdx}</span> of {idx}
          <input type="range" min={0} max={idx} value={chosenIdx} onChange={(e) => setIndexes(Number(e.target.value))} className="mt-1 w-full" aria-label="Secondary indexes" />
        </label>
      )}
      <label className="flex items-center gap-2">
        Regions writing
        <select value={regions} onChange={(e) => setRegions(Number(e.target.value))} className="rounded-md border border-slate-300 px-2 py-1">
          <option value={1}>single region</option>
          <option value={2}>multi-region (2 writers)</option>
          <option value={3}>multi-region (3 writers)</option>
        </select>
      </label>
      <p className="text-lg font-semibold tabular-nums">{cost.pricePerDpu ? `$${(total * cost.pricePerDpu).toLocaleString("en", { maximumFractionDigits: 0 })} / month` : `${total.toLocaleString("en")} DPU`}</p>
      <SimpleBars data={scaled} label="Cost breakdown under the what-if settings" />
    </div>
  );
}
