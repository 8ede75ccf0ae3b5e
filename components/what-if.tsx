"use client";
/**
 * What-if controls over the cost estimate: scale the measured workload, and apply the estimate's own
 * what-ifs (drop unused indexes, batch small writes, multi-region) to the monthly DPU and dollars.
 */
import { useState } from "react";
import { SimpleBars } from "./charts";

interface Range {
  low: number;
  high: number;
}
interface CostLike {
  status: string;
  dpuPerMonth?: { compute: Range; read: Range; write: Range; multiRegionWrite: Range; total: Range };
  usdPerMonth?: { dpu: Range; storage: Range; total: Range };
  whatIf?: Array<{ id: string; title: string; deltaDpuPerMonth: Range; deltaUsdPerMonth: Range; detail: string }>;
}

const mid = (r: Range) => (r.low + r.high) / 2;
const fmt = (n: number) => n.toLocaleString("en", { maximumFractionDigits: 0 });

export function CostWhatIf({ cost }: { cost: CostLike | null }) {
  const [scale, setScale] = useState(100);
  const [on, setOn] = useState<Record<string, boolean>>({});
  if (!cost || cost.status !== "estimated" || !cost.dpuPerMonth || !cost.usdPerMonth) {
    return (
      <p className="text-sm text-slate-600" data-testid="whatif-missing">
        What-if needs measured workload: connect to the source database (with pg_stat_statements) or upload a snapshot.
      </p>
    );
  }
  const k = scale / 100;
  const dpu = cost.dpuPerMonth;
  const deltaDpu = (cost.whatIf ?? []).filter((w) => on[w.id]).reduce((n, w) => n + mid(w.deltaDpuPerMonth), 0);
  const deltaUsd = (cost.whatIf ?? []).filter((w) => on[w.id]).reduce((n, w) => n + mid(w.deltaUsdPerMonth), 0);
  const usdDpu = Math.max(0, mid(cost.usdPerMonth.dpu) * k + deltaUsd * k);
  const total = usdDpu + mid(cost.usdPerMonth.storage);
  const bars = [
    { name: "Compute DPU", value: Math.round(mid(dpu.compute) * k) },
    { name: "Read DPU", value: Math.round(mid(dpu.read) * k) },
    { name: "Write DPU", value: Math.round(mid(dpu.write) * k) },
    { name: "Multi-Region write DPU", value: Math.round(mid(dpu.multiRegionWrite) * k) },
  ];
  return (
    <div className="space-y-3 text-sm" data-testid="whatif">
      <label className="block">
        Workload: <span className="font-semibold tabular-nums">{scale}%</span> of the estimated workload
        <input
          type="range"
          min={10}
          max={1000}
          step={10}
          value={scale}
          onChange={(e) => setScale(Number(e.target.value))}
          className="mt-1 w-full accent-indigo-700"
          aria-label="Workload scale"
        />
      </label>
      {(cost.whatIf ?? []).map((w) => (
        <label key={w.id} className="flex items-start gap-2">
          <input
            type="checkbox"
            className="mt-1 accent-indigo-700"
            checked={!!on[w.id]}
            onChange={(e) => setOn({ ...on, [w.id]: e.target.checked })}
          />
          <span>
            <span className="font-medium text-slate-900">{w.title}</span>{" "}
            <span className="tabular-nums text-slate-600">
              ({mid(w.deltaDpuPerMonth) >= 0 ? "+" : ""}
              {fmt(mid(w.deltaDpuPerMonth))} DPU/month)
            </span>
            <span className="block text-xs text-slate-600 [overflow-wrap:anywhere]">{w.detail}</span>
          </span>
        </label>
      ))}
      <p className="text-lg font-semibold tabular-nums" data-testid="whatif-total">
        ≈ ${fmt(total)} / month <span className="text-sm font-normal text-slate-600">({fmt((mid(dpu.total) + deltaDpu) * k)} DPU)</span>
      </p>
      <p className="text-xs text-slate-600">Midpoints of the estimate&apos;s low–high ranges, scaled linearly.</p>
      <SimpleBars data={bars} label="DPU per month by kind under the what-if settings" />
    </div>
  );
}
