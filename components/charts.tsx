"use client";
/** Recharts views of the findings; colours come from components/severity.ts like everywhere else. */
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SEVERITIES, SEVERITY_COLOR } from "@/lib/report/vocabulary";

export function SeverityChart({ data }: { data: Record<string, number> }) {
  const rows = SEVERITIES.map((s) => ({ severity: SEVERITY_COLOR[s].label, key: s, count: data[s] ?? 0 }));
  return (
    <div
      className="h-48"
      data-testid="severity-chart"
      role="img"
      aria-label={`Findings by severity: ${rows.map((r) => `${r.severity} ${r.count}`).join(", ")}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: "#334155", fontSize: 12 }} />
          <YAxis type="category" dataKey="severity" width={70} tick={{ fill: "#334155", fontSize: 12 }} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Bar dataKey="count" isAnimationActive={false} label={{ position: "right", fill: "#0f172a", fontSize: 12 }}>
            {rows.map((r) => (
              <Cell key={r.key} fill={SEVERITY_COLOR[r.key].fg} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Hours of the problems needing a person, per category (low–high as a range bar). */
export function EffortByCategoryChart({ data }: { data: Array<{ category: string; low: number; high: number; problems: number }> }) {
  const rows = data.map((d) => ({ ...d, range: [d.low, d.high] as [number, number] }));
  const height = Math.max(140, rows.length * 30 + 40);
  return (
    <div
      style={{ height }}
      data-testid="effort-chart"
      role="img"
      aria-label={`Hours of work needing a person by category: ${data.map((d) => `${d.category} ${d.low}–${d.high} h`).join(", ")}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ left: 4, right: 48, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" unit=" h" tick={{ fill: "#334155", fontSize: 12 }} />
          <YAxis type="category" dataKey="category" width={140} tick={{ fill: "#334155", fontSize: 12 }} />
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            formatter={(_v, _n, item) => [`${item.payload.low}–${item.payload.high} h (${item.payload.problems} problems)`, "Effort"]}
          />
          <Bar
            dataKey="range"
            fill="#b45309"
            isAnimationActive={false}
            label={{ position: "right", fill: "#0f172a", fontSize: 12, formatter: (v: unknown) => (Array.isArray(v) ? `${v[1]} h` : "") }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function CategoryChart({ data }: { data: Array<{ category: string; blocker: number; warning: number; advice: number }> }) {
  const height = Math.max(160, data.length * 30 + 50);
  return (
    <div
      style={{ height }}
      data-testid="category-chart"
      role="img"
      aria-label={`Findings by category: ${data.map((d) => `${d.category} ${d.blocker + d.warning + d.advice}`).join(", ")}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: "#334155", fontSize: 12 }} />
          <YAxis type="category" dataKey="category" width={170} tick={{ fill: "#334155", fontSize: 12 }} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {SEVERITIES.map((s) => (
            <Bar key={s} dataKey={s} name={SEVERITY_COLOR[s].label} stackId="sev" fill={SEVERITY_COLOR[s].fg} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function SimpleBars({
  data,
  unit,
  color = "#4338ca",
  label,
}: {
  data: Array<{ name: string; value: number }>;
  unit?: string;
  color?: string;
  label: string;
}) {
  const height = Math.max(140, data.length * 28 + 40);
  return (
    <div style={{ height }} role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 40, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis
            type="number"
            tick={{ fill: "#334155", fontSize: 12 }}
            unit={unit}
            tickFormatter={(v: number) => new Intl.NumberFormat("en", { notation: "compact" }).format(v)}
          />
          <YAxis type="category" dataKey="name" width={200} tick={{ fill: "#334155", fontSize: 12 }} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Bar dataKey="value" fill={color} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
