"use client";
/**
 * The review checklist: findings filtered, grouped and paged on the server (thousands of findings stay
 * fast), each expandable to its SQL, why it matters, how to fix it, and its review state.
 */
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fetchJson } from "./query-provider";
import { REVIEW_STATUSES as FINDING_STATUSES, SEVERITIES, SEVERITY_COLOR, STATUS_LABEL } from "@/lib/report/vocabulary";
import { BulkBar } from "./checklist-bulk";
import { FindingRow } from "./checklist-row";
import { ProblemRow, problemUnits } from "./checklist-problem";
import type { ChecklistFilters, Item, Member, Page, ReviewState } from "./checklist-types";

export type { ChecklistFilters, Member } from "./checklist-types";

const GROUP_LABEL: Record<string, string> = {
  rule: "Rule (needs a person first)",
  category: "Category",
  object: "Object",
  none: "No grouping",
};
const PAGE = 50;

function toggle(xs: string[], x: string) {
  return xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x];
}

/** The page's findings cut into runs of one group each (the server sends them in group order). */
function segments(items: Item[]): Array<{ key: string | undefined; items: Item[] }> {
  const out: Array<{ key: string | undefined; items: Item[] }> = [];
  for (const f of items) {
    const last = out[out.length - 1];
    if (last && last.key === f.groupKey) last.items.push(f);
    else out.push({ key: f.groupKey, items: [f] });
  }
  return out;
}

function qs(f: ChecklistFilters, group: string, offset: number) {
  const p = new URLSearchParams();
  for (const k of ["severity", "category", "fix", "status", "rule", "assignee"] as const) if (f[k].length) p.set(k, f[k].join(","));
  if (f.q.trim()) p.set("q", f.q.trim());
  p.set("group", group);
  p.set("offset", String(offset));
  p.set("limit", String(PAGE));
  return p;
}

export function Checklist({
  id,
  initial,
  initialFilters,
  initialGroup,
  categories,
  canEdit,
  members,
  me,
}: {
  id: string;
  initial: Page;
  initialFilters: ChecklistFilters;
  initialGroup: string;
  categories: string[];
  canEdit: boolean;
  members: Member[];
  me: string;
}) {
  const [filters, setFilters] = useState(initialFilters);
  const [group, setGroup] = useState(initialGroup);
  // What is fetched: typing in the search box settles for 250 ms first; facet clicks apply at once and
  // start again at the first page.
  const [query, setQuery] = useState({ filters: initialFilters, group: initialGroup, offset: 0 });
  const offset = query.offset;
  const setOffset = (o: number) => setQuery((q) => ({ ...q, offset: o }));
  useEffect(() => {
    if (filters === query.filters && group === query.group) return;
    const t = setTimeout(() => setQuery({ filters, group, offset: 0 }), filters.q !== query.filters.q ? 250 : 0);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filters, group]);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const queryClient = useQueryClient();
  const key = ["findings", id, qs(query.filters, query.group, offset).toString()];
  const isInitial = query.filters === initialFilters && query.group === initialGroup && offset === 0;
  const {
    data,
    isFetching: loading,
    isPlaceholderData,
    error: queryError,
  } = useQuery({
    queryKey: key,
    queryFn: () => fetchJson<Page>(`/api/assessments/${id}/findings?${qs(query.filters, query.group, offset)}`),
    // The server rendered the first page; later pages keep showing the previous one while they load.
    initialData: isInitial ? initial : undefined,
    placeholderData: keepPreviousData,
  });
  const page = data ?? initial;
  const error = queryError ? queryError.message : null;

  // Keep the address bar in step with what is shown (once the filtered page has arrived), so a reload
  // or a shared URL shows the same view.
  useEffect(() => {
    if (isPlaceholderData) return;
    const url = new URL(window.location.href);
    const p = qs(query.filters, query.group, 0);
    p.delete("offset");
    p.delete("limit");
    url.search = p.toString();
    window.history.replaceState(null, "", url);
  }, [query.filters, query.group, isPlaceholderData]);

  // A saved review moves one finding between status counts at once; other cached pages refetch when shown.
  const onSaved = (idx: number, state: ReviewState) => {
    queryClient.setQueryData<Page>(key, (p) => {
      if (!p) return p;
      const before = p.items.find((x) => x.id === idx)?.state.status;
      const status = { ...p.facets.status };
      if (before && before !== state.status) {
        status[before] = Math.max(0, (status[before] ?? 0) - 1);
        status[state.status] = (status[state.status] ?? 0) + 1;
      }
      return { ...p, facets: { ...p.facets, status }, items: p.items.map((x) => (x.id === idx ? { ...x, state } : x)) };
    });
    void queryClient.invalidateQueries({ queryKey: ["findings", id], refetchType: "none" });
  };
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const reload = () => queryClient.invalidateQueries({ queryKey: ["findings", id] });

  const groupCount = new Map(page.groups.map((g) => [g.key, g.count]));
  const groupNeeds = new Map(page.groups.map((g) => [g.key, g.needsPerson ?? 0]));
  const total = page.total;
  const facetBtn = (
    kind: keyof ChecklistFilters,
    value: string,
    label: string,
    count: number | undefined,
    color?: { fg: string; bg: string; border: string },
  ) => {
    const on = (filters[kind] as string[]).includes(value);
    return (
      <button
        key={value}
        type="button"
        aria-pressed={on}
        onClick={() => setFilters({ ...filters, [kind]: toggle(filters[kind] as string[], value) })}
        className={`rounded-full border px-2.5 py-1 text-xs font-medium ${on ? "ring-2 ring-indigo-600 ring-offset-1" : ""}`}
        style={
          color
            ? { color: color.fg, background: color.bg, borderColor: color.border }
            : on
              ? { background: "#eef2ff", borderColor: "#a5b4fc", color: "#3730a3" }
              : { background: "#fff", borderColor: "#cbd5e1", color: "#334155" }
        }
      >
        {label} {count !== undefined && <span className="tabular-nums">{count}</span>}
      </button>
    );
  };

  const toggleCollapsed = (k: string) =>
    setCollapsed((s) => {
      const n = new Set(s);
      if (n.has(k)) n.delete(k);
      else n.add(k);
      return n;
    });
  return (
    <div className="grid grid-cols-1 gap-5 lg:grid-cols-[260px_1fr]" data-testid="checklist" data-hydrated={hydrated ? "true" : "false"}>
      <aside className="space-y-4 text-sm" aria-label="Filters">
        <div>
          <label htmlFor="finding-search" className="mb-1 block font-semibold text-slate-800">
            Search
          </label>
          <input
            id="finding-search"
            value={filters.q}
            onChange={(e) => setFilters({ ...filters, q: e.target.value })}
            placeholder="object, rule, message, SQL"
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5"
          />
        </div>
        <fieldset>
          <legend className="mb-1.5 font-semibold text-slate-800">Severity</legend>
          <div className="flex flex-wrap gap-1.5">
            {SEVERITIES.map((s) => facetBtn("severity", s, SEVERITY_COLOR[s].label, page.facets.severity[s], SEVERITY_COLOR[s]))}
          </div>
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
          <div className="flex flex-wrap gap-1.5">
            {FINDING_STATUSES.map((s) =>
              facetBtn("status", s, STATUS_LABEL[s], s === "open" ? (page.facets.status.open ?? 0) : page.facets.status[s]),
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-1.5 font-semibold text-slate-800">Category</legend>
          <div className="flex flex-wrap gap-1.5">
            {categories
              .filter((c) => page.facets.category[c] || filters.category.includes(c))
              .map((c) => facetBtn("category", c, c, page.facets.category[c]))}
          </div>
        </fieldset>
        {filters.rule.length > 0 && (
          <fieldset>
            <legend className="mb-1.5 font-semibold text-slate-800">Rule</legend>
            <div className="flex flex-wrap gap-1.5">{filters.rule.map((r) => facetBtn("rule", r, r, undefined))}</div>
          </fieldset>
        )}
        <fieldset>
          <legend className="mb-1.5 font-semibold text-slate-800">Assignee</legend>
          <div className="flex flex-wrap gap-1.5">
            {facetBtn("assignee", me, "Assigned to me", undefined)}
            {facetBtn("assignee", "none", "Unassigned", undefined)}
          </div>
        </fieldset>
        <button
          type="button"
          onClick={() => setFilters({ severity: [], category: [], fix: [], status: [], rule: [], assignee: [], q: "" })}
          className="text-indigo-700 hover:underline"
        >
          Clear filters
        </button>
      </aside>

      <div className="min-w-0 space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-700" aria-live="polite" data-testid="checklist-count">
            {total === 0 ? "No findings match" : `Showing ${offset + 1}–${Math.min(offset + PAGE, total)} of ${total} findings`}
            {loading && <span className="ml-2 text-slate-500">updating…</span>}
          </p>
          <label className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
            Group by
            <select
              value={group}
              onChange={(e) => setGroup(e.target.value)}
              className="rounded-md border border-slate-300 bg-white px-2 py-1"
              data-testid="group-select"
            >
              {Object.entries(GROUP_LABEL).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        </div>
        {canEdit && total > 0 && <BulkBar id={id} filters={filters} total={total} members={members} onDone={reload} />}
        {error && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <ol className={`space-y-2 ${loading ? "opacity-60" : ""}`} data-testid="findings">
          {segments(page.items).map(({ key: gk, items }) => {
            const f = items[0]!;
            const header =
              f.groupKey !== undefined ? (
                <li key={`g-${f.groupKey}`} className="pt-2" data-testid="finding-group" data-group={f.groupKey}>
                  <h3 className="text-sm font-semibold text-slate-800">
                    <button
                      type="button"
                      aria-expanded={!collapsed.has(f.groupKey)}
                      onClick={() =>
                        setCollapsed((s) => {
                          const n = new Set(s);
                          const k = f.groupKey!;
                          if (n.has(k)) n.delete(k);
                          else n.add(k);
                          return n;
                        })
                      }
                      className="flex flex-wrap items-baseline gap-2 text-left hover:text-indigo-800"
                    >
                      <span aria-hidden className="w-3 text-slate-600">
                        {collapsed.has(f.groupKey) ? "▸" : "▾"}
                      </span>
                      {page.group === "rule" ? (page.rules[f.groupKey]?.title ?? f.groupKey) : f.groupKey}
                      {page.group === "rule" && <span className="font-mono text-xs font-normal text-slate-600">{f.groupKey}</span>}
                      <span className="rounded-full bg-slate-200 px-2 text-xs font-medium text-slate-700">
                        {groupCount.get(f.groupKey) ?? ""}
                      </span>
                      {(groupNeeds.get(f.groupKey) ?? 0) > 0 && (
                        <span className="rounded-full bg-red-50 px-2 text-xs font-medium text-red-800">
                          {groupNeeds.get(f.groupKey)} need a person
                        </span>
                      )}
                    </button>
                  </h3>
                </li>
              ) : null;
            if (f.groupKey !== undefined && collapsed.has(f.groupKey)) return [header];
            const row = (x: Item) => (
              <FindingRow
                key={x.id}
                assessmentId={id}
                f={x}
                doc={page.rules[x.ruleId]}
                open={open.has(x.id)}
                onToggle={() =>
                  setOpen((s) => {
                    const n = new Set(s);
                    if (n.has(x.id)) n.delete(x.id);
                    else n.add(x.id);
                    return n;
                  })
                }
                onSaved={onSaved}
                canEdit={canEdit}
                members={members}
              />
            );
            return [
              header,
              ...problemUnits(items).map((u) =>
                u.kind === "finding" ? (
                  row(u.item)
                ) : (
                  <ProblemRow
                    key={`p-${gk} ${u.problemId}`}
                    problemId={u.problemId}
                    items={u.items}
                    total={u.total}
                    needsPerson={(groupNeeds.get(gk ?? "") ?? 0) > 0}
                    collapsed={collapsed.has(`p:${gk} ${u.problemId}`)}
                    onToggle={() => toggleCollapsed(`p:${gk} ${u.problemId}`)}
                  >
                    {u.items.map(row)}
                  </ProblemRow>
                ),
              ),
            ];
          })}
        </ol>
        {total > PAGE && (
          <nav className="flex items-center justify-between border-t border-slate-200 pt-3 text-sm" aria-label="Pages">
            <button
              type="button"
              disabled={offset === 0 || loading}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium disabled:opacity-40"
            >
              ← Previous
            </button>
            <span className="text-slate-700">
              Page {Math.floor(offset / PAGE) + 1} of {Math.ceil(total / PAGE)}
            </span>
            <button
              type="button"
              disabled={offset + PAGE >= total || loading}
              onClick={() => setOffset(offset + PAGE)}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium disabled:opacity-40"
            >
              Next →
            </button>
          </nav>
        )}
      </div>
    </div>
  );
}
