/** Views of the live-source cost estimate and hotspots (lib/cost, lib/workload shapes). */
import type { CostEstimate } from "../lib/cost/model";
import type { HotspotSection } from "../lib/workload/hotspots";
import type { AssessmentReport } from "../lib/report/contract";
import { evidenceLabel, evidenceValue } from "./labels";
import { SEVERITY_COLOR } from "@/lib/report/vocabulary";

export const usd = (n: number) => `$${n.toLocaleString("en", { maximumFractionDigits: n < 10 ? 2 : 0 })}`;
export const range = (
  r: { low: number; high: number },
  f: (n: number) => string = (n) => n.toLocaleString("en", { maximumFractionDigits: 0 }),
) => (Math.abs(r.low - r.high) < 1e-9 ? f(r.low) : `${f(r.low)}–${f(r.high)}`);

export function costOf(report: AssessmentReport): CostEstimate | undefined {
  const c = report.cost as CostEstimate | null | undefined;
  return c && typeof c === "object" && "status" in c ? c : undefined;
}

export function hotspotSection(report: AssessmentReport): HotspotSection | undefined {
  const h = report.hotspots as HotspotSection | null | undefined;
  return h && Array.isArray(h.tables) ? h : undefined;
}

const RISK = { high: SEVERITY_COLOR.blocker, medium: SEVERITY_COLOR.warning, low: SEVERITY_COLOR.advice };

export function CostHeadline({ cost }: { cost: CostEstimate }) {
  if (cost.status !== "estimated" || !cost.usdPerMonth) {
    return (
      <div className="space-y-2 text-sm" data-testid="cost">
        <p className="text-slate-800">
          No workload was measured (no pg_stat_statements calls and no table activity while sampling), so DPU is not estimated. Enter the
          expected workload below, or collect again while the application runs.
        </p>
        <p className="text-slate-700">Storage: {range(cost.storageGbMonth, (n) => n.toFixed(2))} GB-month.</p>
      </div>
    );
  }
  return (
    <div className="space-y-1" data-testid="cost">
      {cost.entered && (
        <p>
          <span
            className="rounded-full border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900"
            data-testid="cost-entered"
          >
            Entered, not measured
          </span>
        </p>
      )}
      <p className="text-3xl font-semibold tabular-nums" data-testid="cost-total">
        {range(cost.usdPerMonth.total, usd)} <span className="text-base font-normal text-slate-600">/ month</span>
      </p>
      <p className="text-sm text-slate-700">
        DPU {range(cost.usdPerMonth.dpu, usd)} · storage {range(cost.usdPerMonth.storage, usd)} · {cost.region}, {cost.activeRegions} region
        {cost.activeRegions > 1 ? "s" : ""} ·{" "}
        {cost.entered
          ? `from ${cost.entered.transactionsPerSecond.toLocaleString("en")} transactions/s entered by the team`
          : `measured over ${Math.round(cost.basis.seconds)} s`}
      </p>
    </div>
  );
}

export function HotspotTable({ section, limit }: { section: HotspotSection; limit?: number }) {
  if (section.tables.length === 0)
    return <p className="text-sm text-slate-600">No table shows a write hotspot or hot-row pattern at the measured rates.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="hotspots">
        <thead className="text-left text-slate-600">
          <tr>
            <th className="py-1 pr-3 font-medium">Risk</th>
            <th className="py-1 pr-3 font-medium">Table</th>
            <th className="py-1 pr-3 font-medium">Why</th>
            <th className="py-1 font-medium">Remedy</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {section.tables.slice(0, limit ?? 100).map((h) => (
            <tr key={h.table} className="align-top">
              <td className="py-1.5 pr-3">
                <span
                  className="rounded-full border px-2 py-0.5 text-xs font-semibold"
                  style={{ color: RISK[h.risk].fg, background: RISK[h.risk].bg, borderColor: RISK[h.risk].border }}
                >
                  {h.risk}
                </span>
              </td>
              <td className="py-1.5 pr-3 font-mono text-xs">{h.table}</td>
              <td className="py-1.5 pr-3 text-slate-800">
                {h.reasons.join("; ")}
                {limit ? null : (
                  <div className="mt-0.5 text-xs text-slate-600">
                    {Object.entries(h.evidence)
                      .map(([k, v]) => `${evidenceLabel(k)}: ${evidenceValue(k, v)}`)
                      .join(" · ")}
                  </div>
                )}
              </td>
              <td className="py-1.5 text-slate-800">{h.remedy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
