"use client";
/**
 * The Rewrites page's object list: filters as you type over every object (no cap) and renders only the
 * rows in view, so schemas with thousands of objects stay quick. Full names show on hover.
 */
import Link from "next/link";
import { useMemo, useState } from "react";

export interface ObjectEntry {
  index: number;
  kind: string;
  label: string;
  status: string;
  rules: string[];
}

const ROW = 34;
const VISIBLE = 18;

const STATUS_STYLE: Record<string, string> = {
  rewritten: "bg-indigo-50 text-indigo-800 border-indigo-200",
  manual: "bg-red-50 text-red-800 border-red-200",
  removed: "bg-slate-100 text-slate-700 border-slate-300",
  added: "bg-emerald-50 text-emerald-800 border-emerald-200",
  unchanged: "bg-white text-slate-600 border-slate-200",
};

export function RewriteObjectList({
  objects,
  selected,
  base,
  initialQuery,
  showAll,
}: {
  objects: ObjectEntry[];
  selected?: number;
  base: string;
  initialQuery: string;
  showAll: boolean;
}) {
  const [q, setQ] = useState(initialQuery);
  const [top, setTop] = useState(0);
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return objects.filter(
      (o) =>
        (showAll || o.status !== "unchanged") &&
        (!needle || o.label.toLowerCase().includes(needle) || o.kind.includes(needle) || o.rules.some((r) => r.includes(needle))),
    );
  }, [objects, q, showAll]);
  const first = Math.max(0, Math.floor(top / ROW) - 5);
  const rows = shown.slice(first, first + VISIBLE + 10);
  const link = (o: number) =>
    `${base}?${new URLSearchParams({ o: String(o), ...(q.trim() ? { q: q.trim() } : {}), ...(showAll ? { all: "1" } : {}) })}`;
  return (
    <div className="space-y-2">
      <label htmlFor="obj-q" className="sr-only">
        Filter objects
      </label>
      <input
        id="obj-q"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setTop(0);
        }}
        placeholder="Filter objects or rules"
        className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        data-testid="rewrite-filter"
      />
      <p className="text-xs text-slate-600" aria-live="polite" data-testid="rewrite-count">
        {shown.length.toLocaleString("en-US")} of {objects.length.toLocaleString("en-US")} objects
      </p>
      <div
        className="overflow-auto rounded-md border border-slate-200 bg-white text-sm"
        style={{ height: Math.min(VISIBLE, Math.max(1, shown.length)) * ROW + 2 }}
        onScroll={(e) => setTop(e.currentTarget.scrollTop)}
        tabIndex={0}
        aria-label="Objects"
      >
        <ul className="relative" style={{ height: shown.length * ROW }} data-testid="rewrite-objects">
          {rows.map((o, i) => (
            <li key={o.index} className="absolute inset-x-0" style={{ top: (first + i) * ROW, height: ROW }}>
              <Link
                href={link(o.index)}
                aria-current={selected === o.index ? "true" : undefined}
                title={`${o.kind} ${o.label}`}
                className={`flex h-full items-center justify-between gap-2 border-b border-slate-100 px-3 hover:bg-slate-50 ${selected === o.index ? "bg-indigo-50" : ""}`}
              >
                <span className="min-w-0 truncate">
                  <span className="text-xs text-slate-600">{o.kind} </span>
                  <span className="font-mono text-slate-900">{o.label}</span>
                </span>
                <span className={`shrink-0 rounded border px-1.5 text-xs ${STATUS_STYLE[o.status] ?? STATUS_STYLE.unchanged}`}>
                  {o.status}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        {shown.length === 0 && <p className="px-3 py-2 text-xs text-slate-600">No object matches.</p>}
      </div>
    </div>
  );
}
