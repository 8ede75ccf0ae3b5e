/**
 * Views of the optional report sections (cost, hotspots, source, plan) that other stages add. They
 * read the section defensively: a missing section says what it needs, an unknown shape is shown as data.
 */
import type { AssessmentReport } from "../lib/report/contract";
import { costOf, CostHeadline, hotspotSection, HotspotTable } from "./cost";
import { isSourceSection, SourceSummary } from "./source-summary";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function humanKey(k: string) {
  return k
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_]/g, " ")
    .replace(/^./, (c) => c.toUpperCase());
}

function scalar(v: Json): string {
  if (v === null) return "—";
  if (typeof v === "number") return Number.isInteger(v) ? v.toLocaleString("en") : v.toLocaleString("en", { maximumFractionDigits: 2 });
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

/** A generic, readable rendering of JSON data: key/value lists and tables for arrays of objects. */
export function DataView({ data, depth = 0 }: { data: Json; depth?: number }) {
  if (data === null || typeof data !== "object") return <span>{scalar(data)}</span>;
  if (Array.isArray(data)) {
    if (data.length === 0) return <span className="text-slate-500">none</span>;
    if (data.every((x) => x && typeof x === "object" && !Array.isArray(x))) {
      const cols = [...new Set(data.flatMap((x) => Object.keys(x as object)))]
        .filter((c) =>
          data.some((x) => {
            const v = (x as Record<string, Json>)[c];
            return v === null || typeof v !== "object";
          }),
        )
        .slice(0, 8);
      return (
        <table className="w-full text-sm">
          <thead className="text-left text-slate-600">
            <tr>
              {cols.map((c) => (
                <th key={c} className="py-1 pr-3 font-medium">
                  {humanKey(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.slice(0, 50).map((row, i) => (
              <tr key={i}>
                {cols.map((c) => {
                  const v = (row as Record<string, Json>)[c];
                  return (
                    <td key={c} className="py-1 pr-3 align-top">
                      {v !== null && typeof v === "object" ? "…" : scalar(v ?? null)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    return <span>{data.map((x) => scalar(x as Json)).join(", ")}</span>;
  }
  const entries = Object.entries(data);
  return (
    <dl className={`grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm ${depth ? "pl-3" : ""}`}>
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-600">{humanKey(k)}</dt>
          <dd className="min-w-0 text-slate-900">
            {depth < 2 ? <DataView data={v} depth={depth + 1} /> : v !== null && typeof v === "object" ? "…" : scalar(v)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function num(x: unknown): number | undefined {
  return typeof x === "number" && Number.isFinite(x) ? x : undefined;
}

export function CostSummary({ report, compact }: { report: AssessmentReport; compact?: boolean }) {
  const estimate = costOf(report);
  if (estimate) {
    return (
      <div className="space-y-3">
        <CostHeadline cost={estimate} />
        {!compact && estimate.formulas.length > 0 && (
          <details className="text-xs text-slate-700">
            <summary className="cursor-pointer font-medium text-slate-800">Formulas and assumptions</summary>
            <ul className="mt-2 list-disc space-y-1 pl-5 font-mono">
              {estimate.formulas.map((f, i) => (
                <li key={i}>{f}</li>
              ))}
            </ul>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {estimate.assumptions.map((f, i) => (
                <li key={i}>{f}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
    );
  }
  const cost = report.cost as Record<string, Json> | undefined;
  if (!cost) {
    return (
      <p className="text-sm text-slate-600" data-testid="cost-missing">
        Not estimated: a DPU cost estimate needs workload statistics (pg_stat_statements and table activity), which only a live connection
        or an offline snapshot collects. Schema files alone cannot tell how busy the database is.
      </p>
    );
  }
  const monthly = num(cost.monthlyUsd) ?? num(cost.totalMonthlyUsd) ?? num((cost.total as Record<string, Json> | undefined)?.monthlyUsd);
  return (
    <div className="space-y-2" data-testid="cost">
      {monthly !== undefined && (
        <p className="text-3xl font-semibold tabular-nums">
          ${monthly.toLocaleString("en", { maximumFractionDigits: 0 })}
          <span className="text-base font-normal text-slate-600"> / month</span>
        </p>
      )}
      {compact ? null : <DataView data={cost} />}
      {compact && typeof cost.formula === "string" && <p className="text-xs text-slate-700">{cost.formula}</p>}
    </div>
  );
}

export function hotspotsOf(report: AssessmentReport): Array<Record<string, Json>> {
  const h = report.hotspots as Json | undefined;
  if (!h) return [];
  if (Array.isArray(h)) return h as Array<Record<string, Json>>;
  if (typeof h === "object") {
    for (const k of ["items", "tables", "hotspots", "list"]) {
      const v = (h as Record<string, Json>)[k];
      if (Array.isArray(v)) return v as Array<Record<string, Json>>;
    }
  }
  return [];
}

export function HotspotList({ report, limit }: { report: AssessmentReport; limit?: number }) {
  const section = hotspotSection(report);
  if (section) return <HotspotTable section={section} limit={limit} />;
  const items = hotspotsOf(report);
  const workload = report.findings.filter((f) => f.category === "workload").slice(0, limit ?? 20);
  if (!items.length && !workload.length) {
    return (
      <p className="text-sm text-slate-600" data-testid="hotspots-missing">
        No hotspot data: write hotspots and OCC-conflict risk come from measured insert and update rates, which need a live connection or a
        snapshot.
      </p>
    );
  }
  if (!items.length) {
    return (
      <ul className="space-y-1 text-sm">
        {workload.map((f, i) => (
          <li key={i}>
            <span className="font-medium">{f.object.name}</span> — {f.message}
          </li>
        ))}
      </ul>
    );
  }
  return <DataView data={items.slice(0, limit ?? 50) as Json} />;
}

export function SourceNotes({ report, kind }: { report: AssessmentReport; kind: string }) {
  const src = report.source as Record<string, Json> | undefined;
  if (!src) {
    return (
      <div className="mt-4 text-xs text-slate-700">
        <p className="font-semibold text-slate-800">Not collected</p>
        <p>
          {kind === "connection" || kind === "snapshot"
            ? "The source stage returned no collection details."
            : "From SQL files only: no row counts, sizes, query workload (pg_stat_statements) or table activity. Connect to the database or upload a snapshot for cost and hotspots."}
        </p>
      </div>
    );
  }
  return (
    <div className="mt-4">
      <h3 className="mb-1 text-sm font-semibold text-slate-800">Source</h3>
      {isSourceSection(src) ? <SourceSummary source={src} /> : <DataView data={src} />}
    </div>
  );
}

/**
 * What the engine did with the inputs beyond parsing them: several databases in one cluster dump, rollback
 * SQL left out, migration placeholders read as names. Each also has a finding; this says it where the
 * inputs are listed.
 */
export function InputNotes({ files, database }: { files: AssessmentReport["files"]; database?: string }) {
  const notes: { key: string; text: string }[] = [];
  if (database !== undefined)
    notes.push({
      key: "db",
      text: `Database ${database} of a cluster dump: its sections and the cluster's globals (roles, tablespaces) before the first \\connect are assessed; the other databases are left out.`,
    });
  for (const f of files) {
    if (f.databases && f.databases.length > 1)
      notes.push({
        key: `db:${f.file}`,
        text: `${f.file} holds ${f.databases.length} databases (${f.databases.map((d) => `${d.name} from line ${d.line}`).join(", ")}). DSQL has one database per cluster: each is its own migration, assessed and rewritten on its own (here, or with the CLI's --database NAME).`,
      });
    if (f.rollbackOf) notes.push({ key: `rb:${f.file}`, text: `${f.file} left out: it undoes or verifies ${f.rollbackOf}.` });
    for (const r of f.rollbackSections ?? [])
      notes.push({
        key: `rs:${f.file}:${r.line}`,
        text: `${f.file} lines ${r.line}–${r.endLine} left out: ${r.marker} section (rollback).`,
      });
    if (f.encoding?.startsWith("declared "))
      notes.push({
        key: `enc:${f.file}`,
        text: `${f.file} decoded as ${f.encoding.slice("declared ".length)}, the client_encoding it declares; the rewrite writes UTF-8.`,
      });
    if (f.psqlVariables?.length)
      notes.push({
        key: `pv:${f.file}`,
        text: `${f.file}: psql variables ${f.psqlVariables.map((v) => `:${v.name}`).join(", ")} read as names standing in for their values.`,
      });
    if (f.placeholders?.length)
      notes.push({
        key: `ph:${f.file}`,
        text: `${f.file}: placeholders ${f.placeholders.map((p) => `\${${p.name}}`).join(", ")} read as names standing in for their values.`,
      });
  }
  if (notes.length === 0) return null;
  return (
    <ul className="mt-2 list-disc space-y-1 pl-5 text-xs text-slate-700" data-testid="input-notes">
      {notes.map((n) => (
        <li key={n.key}>{n.text}</li>
      ))}
    </ul>
  );
}
