"use client";
/**
 * The review checklist: findings filtered, grouped and paged on the server (thousands of findings stay
 * fast), each expandable to its SQL, why it matters, how to fix it, and its review state.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { FINDING_STATUSES, SEVERITIES, SEVERITY_COLOR, STATUS_LABEL } from "./severity";

export interface ChecklistFilters {
  severity: string[];
  category: string[];
  fix: string[];
  status: string[];
  rule: string[];
  q: string;
}

interface RuleDoc {
  id: string;
  title: string;
  why: string;
  fix: string;
  docsUrl: string;
  example?: { bad: string; good: string };
}

interface Item {
  id: number;
  ruleId: string;
  title: string;
  severity: string;
  category: string;
  fix: string;
  effort: string;
  file: string;
  line: number;
  column: number;
  statementLine: number;
  object: { kind: string; schema?: string; name: string };
  objectKey: string;
  message: string;
  snippet: string;
  docsUrl: string;
  state: { status: string; note: string | null };
  groupKey?: string;
}

interface Page {
  total: number;
  offset: number;
  limit: number;
  group: string;
  groups: Array<{ key: string; count: number }>;
  items: Item[];
  rules: Record<string, RuleDoc>;
  facets: { severity: Record<string, number>; category: Record<string, number>; fix: Record<string, number>; status: Record<string, number> };
}

const GROUP_LABEL: Record<string, string> = { category: "Category", object: "Object", rule: "Rule", none: "No grouping" };
const PAGE = 50;

function toggle(xs: string[], x: string) {
  return xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x];
}

function qs(f: ChecklistFilters, group: string, offset: number) {
  const p = new URLSearchParams();
  for (const k of ["severity", "category", "fix", "status", "rule"] as const) if (f[k].length) p.set(k, f[k].join(","));
  if (f.q.trim()) p.set("q", f.q.trim());
  p.set("group", group);
  p.set("offset", String(offset));
  p.set("limit", String(PAGE));
  return p;
}

export function Checklist({ id, initial, initialFilters, initialGroup, categories }: { id: string; initial: Page; initialFilters: ChecklistFilters; initialGroup: string; categories: string[] }) {
  const [filters, setFilters] = useState(initialFilters);
  const [group, setGroup] = useState(initialGroup);
  const [page, setPage] = useState(initial);
  const [offset, setOffset] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const first = useRef(true);
  const reqId = useRef(0);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const load = useCallback(
    async (f: ChecklistFilters, g: string, off: number) => {
      const my = ++reqId.current;
      setLoading(true);
      setError(null);
      try {
        const res = await fetch(`/api/assessments/${id}/findings?${qs(f, g, off)}`, { cache: "no-store" });
        const body = await res.json();
        if (!res.ok) throw new Error(body?.error?.message ?? `Request failed (${res.status})`);
        if (my !== reqId.current) return;
        setPage(body);
        setOffset(off);
        const url = new URL(window.location.href);
        const p = qs(f, g, 0);
        p.delete("offset");
        p.delete("limit");
        if (g === "category") p.delete("group");
        url.search = p.toString();
        window.history.replaceState(null, "", url);
      } catch (e) {
        if (my === reqId.current) setError((e as Error).message);
      } finally {
        if (my === reqId.current) setLoading(false);
      }
    },
    [id],
  );

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const t = setTimeout(() => load(filters, group, 0), filters.q ? 250 : 0);
    return () => clearTimeout(t);
  }, [filters, group, load]);

  const setState = async (item: Item, status: string, note?: string | null) => {
    const res = await fetch(`/api/assessments/${id}/findings/${item.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status, ...(note !== undefined ? { note } : {}) }),
    });
    const body = await res.json();
    if (!res.ok) {
      setError(body?.error?.message ?? "Could not save");
      return false;
    }
    setPage((p) => ({ ...p, items: p.items.map((x) => (x.id === item.id ? { ...x, state: body.state } : x)) }));
    return true;
  };

  const groupCount = new Map(page.groups.map((g) => [g.key, g.count]));
  const total = page.total;
  const facetBtn = (kind: keyof ChecklistFilters, value: string, label: string, count: number | undefined, color?: { fg: string; bg: string; border: string }) => {
    const on = (filters[kind] as string[]).includes(value);
    return (
      <button
        key={value}
        type="button"
        aria-pressed={on}
        onClick={() => setFilters({ ...filters, [kind]: toggle(filters[kind] as string[], value) })}
        className={`rounded-full border px-2.5 py-1 text-xs font-medium ${on ? "ring-2 ring-indigo-600 ring-offset-1" : ""}`}
        style={color ? { color: color.fg, background: color.bg, borderColor: color.border } : on ? { background: "#eef2ff", borderColor: "#a5b4fc", color: "#3730a3" } : { background: "#fff", borderColor: "#cbd5e1", color: "#334155" }}
      >
        {label} <span className="tabular-nums opacity-80">{count ?? 0}</span>
      </button>
    );
  };

  let lastGroup: string | undefined;
  return (
    <div className="grid grid-cols-[260px_1fr] gap-5" data-testid="checklist" data-hydrated={hydrated ? "true" : "false"}>
      <aside className="space-y-4 text-sm" aria-label="Filters">
        <div>
          <label htmlFor="finding-search" className="mb-1 block font-semibold text-slate-800">
            Search
          </label>
          <input id="finding-search" value={filters.q} onChange={(e) => setFilters({ ...filters, q: e.target.value })} placeholder="object, rule, message, SQL" className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5" />
        </div>
        <fieldset>
          <legend className="mb-1.5 font-semibold text-slate-800">Severity</legend>
          <div className="flex flex-wrap gap-1.5">{SEVERITIES.map((s) => facetBtn("severity", s, SEVERITY_COLOR[s].label, page.facets.severity[s], SEVERITY_COLOR[s]))}</div>
        </fieldset>
        <fieldset>
          <legend className="mb-1.5 font-semibold text-slate-800">Fix</legend>
          <div className="flex flex-wrap gap-1.5">
            {facetBtn("fix", "auto", "Automatic", page.facets.fix.auto)}
            {facetBtn("fix", "manual", "Manual", page.facets.fix.manual)}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-1.5 font-semibold text-slate-800">Status</legend>
          <div className="flex flex-wrap gap-1.5">{FINDING_STATUSES.map((s) => facetBtn("status", s, STATUS_LABEL[s], s === "open" ? (page.facets.status.open ?? 0) : page.facets.status[s]))}</div>
        </fieldset>
        <fieldset>
          <legend className="mb-1.5 font-semibold text-slate-800">Category</legend>
          <div className="flex flex-wrap gap-1.5">{categories.filter((c) => page.facets.category[c] || filters.category.includes(c)).map((c) => facetBtn("category", c, c, page.facets.category[c]))}</div>
        </fieldset>
        {filters.rule.length > 0 && (
          <fieldset>
            <legend className="mb-1.5 font-semibold text-slate-800">Rule</legend>
            <div className="flex flex-wrap gap-1.5">{filters.rule.map((r) => facetBtn("rule", r, r, undefined))}</div>
          </fieldset>
        )}
        <button type="button" onClick={() => setFilters({ severity: [], category: [], fix: [], status: [], rule: [], q: "" })} className="text-indigo-700 hover:underline">
          Clear filters
        </button>
      </aside>

      <div className="min-w-0 space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-700" aria-live="polite" data-testid="checklist-count">
            {total === 0 ? "No findings match" : `Showing ${offset + 1}–${Math.min(offset + PAGE, total)} of ${total} findings`}
            {loading && <span className="ml-2 text-slate-500">updating…</span>}
          </p>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            Group by
            <select value={group} onChange={(e) => setGroup(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1" data-testid="group-select">
              {Object.entries(GROUP_LABEL).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        </div>
        {error && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <ol className={`space-y-2 ${loading ? "opacity-60" : ""}`} data-testid="findings">
          {page.items.map((f) => {
            const header =
              f.groupKey !== undefined && f.groupKey !== lastGroup ? (
                <li key={`g-${f.groupKey}`} className="pt-2">
                  <h3 className="flex items-baseline gap-2 text-sm font-semibold text-slate-800">
                    {page.group === "rule" ? (page.rules[f.groupKey]?.title ?? f.groupKey) : f.groupKey}
                    {page.group === "rule" && <span className="font-mono text-xs font-normal text-slate-600">{f.groupKey}</span>}
                    <span className="rounded-full bg-slate-200 px-2 text-xs font-medium text-slate-700">{groupCount.get(f.groupKey) ?? ""}</span>
                  </h3>
                </li>
              ) : null;
            lastGroup = f.groupKey;
            return [header, <FindingRow key={f.id} f={f} doc={page.rules[f.ruleId]} open={open.has(f.id)} onToggle={() => setOpen((s) => { const n = new Set(s); if (n.has(f.id)) n.delete(f.id); else n.add(f.id); return n; })} onState={setState} />];
          })}
        </ol>
        {total > PAGE && (
          <nav className="flex items-center justify-between border-t border-slate-200 pt-3 text-sm" aria-label="Pages">
            <button type="button" disabled={offset === 0 || loading} onClick={() => load(filters, group, Math.max(0, offset - PAGE))} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium disabled:opacity-40">
              ← Previous
            </button>
            <span className="text-slate-700">
              Page {Math.floor(offset / PAGE) + 1} of {Math.ceil(total / PAGE)}
            </span>
            <button type="button" disabled={offset + PAGE >= total || loading} onClick={() => load(filters, group, offset + PAGE)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium disabled:opacity-40">
              Next →
            </button>
          </nav>
        )}
      </div>
    </div>
  );
}

function FindingRow({ f, doc, open, onToggle, onState }: { f: Item; doc?: RuleDoc; open: boolean; onToggle: () => void; onState: (f: Item, status: string, note?: string | null) => Promise<boolean> }) {
  const c = SEVERITY_COLOR[f.severity as keyof typeof SEVERITY_COLOR] ?? SEVERITY_COLOR.advice;
  const [note, setNote] = useState(f.state.note ?? "");
  const [pending, setPending] = useState<string | null>(null);
  const location = f.line ? `${f.file}:${f.line}:${f.column}` : f.file;
  return (
    <li className="rounded-md border border-slate-200 bg-white shadow-sm" style={{ borderLeft: `4px solid ${c.fg}` }} data-testid="finding" data-severity={f.severity}>
      <button type="button" onClick={onToggle} aria-expanded={open} className="flex w-full items-start gap-3 px-4 py-2.5 text-left hover:bg-slate-50">
        <span className="mt-0.5 inline-flex w-16 shrink-0 justify-center rounded-full border px-1.5 py-0.5 text-xs font-semibold" style={{ color: c.fg, background: c.bg, borderColor: c.border }}>
          {c.label}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block text-sm font-medium text-slate-900">{f.message}</span>
          <span className="mt-0.5 block truncate text-xs text-slate-600">
            <span className="font-mono">{f.ruleId}</span> · {f.object.name ? `${f.object.kind} ${f.objectKey}` : f.object.kind} · <span className="font-mono">{location}</span> · {f.fix === "auto" ? "automatic fix" : "manual fix"} · {f.effort}
          </span>
        </span>
        {f.state.status !== "open" && <span className="shrink-0 rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{STATUS_LABEL[f.state.status]}</span>}
        <span aria-hidden className="shrink-0 text-slate-500">
          {open ? "▾" : "▸"}
        </span>
      </button>
      {open && (
        <div className="space-y-3 border-t border-slate-100 px-4 py-3 text-sm" data-testid="finding-detail">
          {f.snippet && (
            <div>
              <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">Offending SQL · line {f.statementLine}</h4>
              <pre className="max-h-64 overflow-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">{f.snippet}</pre>
            </div>
          )}
          {doc && (
            <div className="grid grid-cols-2 gap-4">
              <div>
                <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">Why</h4>
                <p className="text-slate-800">{doc.why}</p>
              </div>
              <div>
                <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">How to fix</h4>
                <p className="text-slate-800">{doc.fix}</p>
              </div>
              {doc.example && (
                <div className="col-span-2 grid grid-cols-2 gap-4">
                  <pre className="overflow-auto rounded-md border border-red-200 bg-red-50 p-2 text-xs text-red-950" aria-label="Before">{doc.example.bad}</pre>
                  <pre className="overflow-auto rounded-md border border-emerald-200 bg-emerald-50 p-2 text-xs text-emerald-950" aria-label="After">{doc.example.good}</pre>
                </div>
              )}
            </div>
          )}
          <div className="flex flex-wrap items-center gap-3">
            <a href={f.docsUrl} target="_blank" rel="noreferrer" className="font-medium text-indigo-700 hover:underline">
              DSQL documentation ↗
            </a>
            <span className="text-slate-400" aria-hidden>
              |
            </span>
            <label className="flex items-center gap-2 text-slate-800">
              Status
              <select
                value={f.state.status}
                disabled={!!pending}
                onChange={async (e) => {
                  setPending(e.target.value);
                  await onState(f, e.target.value, note.trim() ? note : null);
                  setPending(null);
                }}
                className="rounded-md border border-slate-300 bg-white px-2 py-1"
                aria-label="Review status"
              >
                {FINDING_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABEL[s]}
                  </option>
                ))}
              </select>
            </label>
            <input value={note} onChange={(e) => setNote(e.target.value)} onBlur={() => note !== (f.state.note ?? "") && onState(f, f.state.status, note.trim() ? note : null)} placeholder="Note (required to waive)" className="min-w-64 flex-1 rounded-md border border-slate-300 px-2 py-1" aria-label="Review note" />
          </div>
        </div>
      )}
    </li>
  );
}
