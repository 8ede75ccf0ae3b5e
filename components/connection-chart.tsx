"use client";
/** Connection age histogram (Recharts): how long the source's connections had been open when sampled. */
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Buckets at or past DSQL's 60-minute connection limit are drawn in the warning colour. */
const OVER = new Set(["1–6 h", "6–24 h", "> 24 h"]);

export function ConnectionAgeChart({ data }: { data: Array<{ bucket: string; connections: number }> }) {
  return (
    <div
      className="h-44"
      data-testid="connection-age-chart"
      role="img"
      aria-label={`Connections by age: ${data.map((d) => `${d.bucket} ${d.connections}`).join(", ")}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: 0, right: 8, top: 12, bottom: 4 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="bucket" tick={{ fill: "#334155", fontSize: 11 }} interval={0} />
          <YAxis allowDecimals={false} width={32} tick={{ fill: "#334155", fontSize: 11 }} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} formatter={(v) => [v, "connections"]} />
          <Bar dataKey="connections" isAnimationActive={false} label={{ position: "top", fill: "#0f172a", fontSize: 11 }}>
            {data.map((d) => (
              <Cell key={d.bucket} fill={OVER.has(d.bucket) ? "#b45309" : "#4338ca"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
