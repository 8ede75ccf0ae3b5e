/** What the live source or snapshot collected, in words: server, when, as whom, and each "collected / not collected because…" note. */
import type { SourceSection } from "../lib/source/analyze-snapshot";
import { readableTime } from "./labels";
import { formatBytes } from "./ui";

const ITEM_LABEL: Record<string, string> = {
  catalog: "Catalog",
  "table-activity": "Table activity",
  statements: "Statements (pg_stat_statements)",
  connections: "Connections (pg_stat_activity)",
  statistics: "Planner statistics",
  sizes: "Sizes",
};

export function isSourceSection(x: unknown): x is SourceSection {
  return (
    !!x && typeof x === "object" && typeof (x as SourceSection).serverVersion === "string" && Array.isArray((x as SourceSection).collected)
  );
}

export function SourceSummary({ source }: { source: SourceSection }) {
  const p = source.permissions;
  return (
    <div className="space-y-2 text-sm" data-testid="source-summary">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-600">Database</dt>
        <dd className="[overflow-wrap:anywhere]">
          {source.database} on PostgreSQL {source.serverVersion}
        </dd>
        <dt className="text-slate-600">Collected</dt>
        <dd>
          {readableTime(source.collectedAt)} by {source.collector === "psql" ? "the offline psql collector" : "a live read-only connection"}{" "}
          as {source.user}
          {source.sampleSeconds > 0 ? `, sampled over ${source.sampleSeconds} s` : ""}
        </dd>
        {source.sizes && (
          <>
            <dt className="text-slate-600">Size</dt>
            <dd>
              {formatBytes(source.sizes.databaseBytes)} · {source.sizes.tables} tables · {source.sizes.indexes} indexes
            </dd>
          </>
        )}
        <dt className="text-slate-600">Permissions</dt>
        <dd>
          {p.superuser ? "superuser" : p.readAllStats ? "pg_read_all_stats" : "no pg_read_all_stats"} · table counters{" "}
          {p.trackCounts ? "on" : "off"} · pg_stat_statements{" "}
          {p.pgStatStatements ? (p.pgStatStatements.readable ? `${p.pgStatStatements.version}` : "not readable") : "not installed"}
        </dd>
      </dl>
      <ul className="space-y-1">
        {source.collected.map((n) => (
          <li key={n.item} className="flex flex-col gap-x-2 sm:flex-row">
            <span
              className={`shrink-0 font-medium ${n.collected === true ? "text-emerald-800" : n.collected === "partial" ? "text-amber-800" : "text-red-800"}`}
            >
              {n.collected === true ? "✓" : n.collected === "partial" ? "◐" : "✗"} {ITEM_LABEL[n.item] ?? n.item}
            </span>
            <span className="min-w-0 text-slate-700 [overflow-wrap:anywhere]">{n.reason}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
