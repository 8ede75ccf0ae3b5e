"use client";
/**
 * The review checklist: findings filtered, grouped and paged on the server (thousands of findings stay
 * fast), each expandable to its SQL, why it matters, how to fix it, and its review state.
 */
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import type { RuleDoc } from "@/lib/report/vocabulary";
import { fetchJson } from "./query-provider";
import { REVIEW_STATUSES as FINDING_STATUSES, SEVERITIES, SEVERITY_COLOR, STATUS_COLOR, STATUS_LABEL } from "@/lib/report/vocabulary";

export interface Member {
  id: string;
  name: string;
  email: string;
}

interface ReviewState {
  status: string;
  note: string | null;
  version: number;
  updatedAt?: string | null;
  assignee?: { id: string; name: string } | null;
  statusBy?: { id: string; name: string } | null;
}

interface Detail {
  state: ReviewState;
  comments: Array<{ id: string; body: string; createdAt: string; author: { id: string; name: string } | null; carried?: boolean }>;
  audit: Array<{ id: number; summary: string; createdAt: string; actor: { name: string } | null }>;
}

function when(s: string | null | undefined) {
  return s ? new Date(s).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "";
}

export interface ChecklistFilters {
  severity: string[];
  category: string[];
  fix: string[];
  status: string[];
  rule: string[];
  assignee: string[];
  q: string;
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
  state: ReviewState;
  groupKey?: string;
}

interface Page {
  total: number;
  offset: number;
  limit: number;
  group: string;
  groups: Array<{ key: string; count: number; needsPerson?: number }>;
  items: Item[];
  rules: Record<string, RuleDoc>;
  facets: {
    severity: Record<string, number>;
    category: Record<string, number>;
    fix: Record<string, number>;
    status: Record<string, number>;
  };
}

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

  let lastGroup: string | undefined;
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
          {page.items.map((f) => {
            const header =
              f.groupKey !== undefined && f.groupKey !== lastGroup ? (
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
            lastGroup = f.groupKey;
            if (f.groupKey !== undefined && collapsed.has(f.groupKey)) return [header];
            return [
              header,
              <FindingRow
                key={f.id}
                assessmentId={id}
                f={f}
                doc={page.rules[f.ruleId]}
                open={open.has(f.id)}
                onToggle={() =>
                  setOpen((s) => {
                    const n = new Set(s);
                    if (n.has(f.id)) n.delete(f.id);
                    else n.add(f.id);
                    return n;
                  })
                }
                onSaved={onSaved}
                canEdit={canEdit}
                members={members}
              />,
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

function BulkBar({
  id,
  filters,
  total,
  members,
  onDone,
}: {
  id: string;
  filters: ChecklistFilters;
  total: number;
  members: Member[];
  onDone: () => void;
}) {
  const [status, setStatus] = useState("");
  const [note, setNote] = useState("");
  const [assignee, setAssignee] = useState("");
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const apply = async () => {
    if (!status && !assignee) return;
    if (!window.confirm(`Apply to all ${total} findings that match the filters?`)) return;
    setBusy(true);
    setMsg(null);
    const filter: Record<string, unknown> = {};
    for (const k of ["severity", "category", "fix", "status", "rule", "assignee"] as const) if (filters[k].length) filter[k] = filters[k];
    if (filters.q.trim()) filter.q = filters.q.trim();
    const res = await fetch(`/api/assessments/${id}/findings/bulk`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        filter,
        ...(status ? { status, note: note.trim() || null } : {}),
        ...(assignee ? { assigneeId: assignee === "none" ? null : assignee } : {}),
      }),
    });
    const body = await res.json();
    setBusy(false);
    if (!res.ok) return setMsg({ ok: false, text: body?.error?.message ?? "Bulk change failed" });
    setMsg({ ok: true, text: `Updated ${body.updated} findings` });
    setStatus("");
    setNote("");
    setAssignee("");
    onDone();
  };
  return (
    <div
      className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm"
      data-testid="bulk-bar"
    >
      <span className="font-medium text-slate-800">All {total} matching:</span>
      <select
        aria-label="Bulk status"
        value={status}
        onChange={(e) => setStatus(e.target.value)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1"
      >
        <option value="">status…</option>
        {FINDING_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABEL[s]}
          </option>
        ))}
      </select>
      {status && (
        <input
          aria-label="Bulk reason"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={status === "wontfix" ? "Reason (required)" : "Note"}
          className="w-56 rounded-md border border-slate-300 px-2 py-1"
        />
      )}
      <select
        aria-label="Bulk assignee"
        value={assignee}
        onChange={(e) => setAssignee(e.target.value)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1"
      >
        <option value="">assignee…</option>
        <option value="none">Unassigned</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={busy || (!status && !assignee) || (status === "wontfix" && !note.trim())}
        onClick={apply}
        className="rounded-md bg-indigo-700 px-3 py-1 font-medium text-white disabled:opacity-40"
      >
        Apply
      </button>
      {msg && (
        <span role="status" className={msg.ok ? "text-emerald-800" : "text-red-800"}>
          {msg.text}
        </span>
      )}
    </div>
  );
}

function FindingRow({
  assessmentId,
  f,
  doc,
  open,
  onToggle,
  onSaved,
  canEdit,
  members,
}: {
  assessmentId: string;
  f: Item;
  doc?: RuleDoc;
  open: boolean;
  onToggle: () => void;
  onSaved: (idx: number, s: ReviewState) => void;
  canEdit: boolean;
  members: Member[];
}) {
  const c = SEVERITY_COLOR[f.severity as keyof typeof SEVERITY_COLOR] ?? SEVERITY_COLOR.advice;
  const location = f.line ? `${f.file}:${f.line}:${f.column}` : f.file;
  return (
    <li
      className="rounded-md border border-slate-200 bg-white shadow-sm"
      style={{ borderLeft: `4px solid ${c.fg}` }}
      data-testid="finding"
      data-severity={f.severity}
      data-idx={f.id}
    >
      <button
        type="button"
        onClick={onToggle}
        aria-expanded={open}
        className="flex w-full items-start gap-3 px-4 py-2.5 text-left hover:bg-slate-50"
      >
        <span
          className="mt-0.5 inline-flex w-16 shrink-0 justify-center rounded-full border px-1.5 py-0.5 text-xs font-semibold"
          style={{ color: c.fg, background: c.bg, borderColor: c.border }}
        >
          {c.label}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block text-sm font-medium text-slate-900">{f.message}</span>
          <span className="mt-0.5 block truncate text-xs text-slate-600">
            <span className="font-mono">{f.ruleId}</span> · {f.object.name ? `${f.object.kind} ${f.objectKey}` : f.object.kind} ·{" "}
            <span className="font-mono">{location}</span> · {f.fix === "auto" ? "automatic fix" : "manual fix"} · {f.effort}
          </span>
        </span>
        {f.state.assignee && (
          <span className="shrink-0 rounded bg-indigo-50 px-2 py-0.5 text-xs text-indigo-900">→ {f.state.assignee.name}</span>
        )}
        {f.state.status !== "open" && (
          <span
            className="shrink-0 rounded px-2 py-0.5 text-xs font-medium text-white"
            style={{ background: STATUS_COLOR[f.state.status] ?? "#64748b" }}
            data-testid="finding-status"
          >
            {STATUS_LABEL[f.state.status] ?? f.state.status}
          </span>
        )}
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
            <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
              <div>
                <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">Why</h4>
                <p className="text-slate-800">{doc.why}</p>
              </div>
              <div>
                <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">How to fix</h4>
                <p className="text-slate-800">{doc.fix}</p>
              </div>
              {doc.example && (
                <div className="grid grid-cols-1 gap-4 md:col-span-2 md:grid-cols-2">
                  <pre className="overflow-auto rounded-md border border-red-200 bg-red-50 p-2 text-xs text-red-950" aria-label="Before">
                    {doc.example.bad}
                  </pre>
                  <pre
                    className="overflow-auto rounded-md border border-emerald-200 bg-emerald-50 p-2 text-xs text-emerald-950"
                    aria-label="After"
                  >
                    {doc.example.good}
                  </pre>
                </div>
              )}
            </div>
          )}
          <a href={f.docsUrl} target="_blank" rel="noreferrer" className="inline-block font-medium text-indigo-700 hover:underline">
            DSQL documentation ↗
          </a>
          <Review assessmentId={assessmentId} f={f} onSaved={onSaved} canEdit={canEdit} members={members} />
        </div>
      )}
    </li>
  );
}

/** Status, reason, assignee and comments of one finding, saved with the version read (conflicts are shown, never overwritten). */
function Review({
  assessmentId,
  f,
  onSaved,
  canEdit,
  members,
}: {
  assessmentId: string;
  f: Item;
  onSaved: (idx: number, s: ReviewState) => void;
  canEdit: boolean;
  members: Member[];
}) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [status, setStatus] = useState(f.state.status);
  const [note, setNote] = useState(f.state.note ?? "");
  const [assignee, setAssignee] = useState(f.state.assignee?.id ?? "");
  const [comment, setComment] = useState("");
  const [version, setVersion] = useState(f.state.version);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ kind: "ok" | "error" | "conflict"; text: string } | null>(null);
  const url = `/api/assessments/${assessmentId}/findings/${f.id}`;

  const refresh = useCallback(async () => {
    const res = await fetch(url, { cache: "no-store" });
    if (res.ok) setDetail(await res.json());
  }, [url]);
  useEffect(() => {
    refresh();
  }, [refresh]);

  const save = async () => {
    setBusy(true);
    setMsg(null);
    const res = await fetch(url, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        version,
        status,
        note: note.trim() || null,
        assigneeId: assignee || null,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      }),
    });
    const body = await res.json();
    setBusy(false);
    if (res.status === 409 && body?.error?.current) {
      const cur = body.error.current as ReviewState;
      setMsg({
        kind: "conflict",
        text: `${body.error.message}. Current: ${STATUS_LABEL[cur.status] ?? cur.status}${cur.note ? ` (“${cur.note}”)` : ""}${cur.assignee ? `, assigned to ${cur.assignee.name}` : ""}.`,
      });
      setVersion(cur.version);
      onSaved(f.id, cur);
      refresh();
      return;
    }
    if (!res.ok) return setMsg({ kind: "error", text: body?.error?.message ?? "Could not save" });
    setVersion(body.state.version);
    setComment("");
    onSaved(f.id, body.state);
    setMsg({ kind: "ok", text: "Saved" });
    refresh();
  };

  const postComment = async () => {
    if (!comment.trim()) return;
    setBusy(true);
    const res = await fetch(`${url}/comments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ body: comment.trim() }),
    });
    setBusy(false);
    if (!res.ok) return setMsg({ kind: "error", text: (await res.json())?.error?.message ?? "Could not comment" });
    setComment("");
    refresh();
  };

  const dirty =
    status !== f.state.status ||
    (note.trim() || null) !== (f.state.note ?? null) ||
    (assignee || null) !== (f.state.assignee?.id ?? null) ||
    !!comment.trim();
  return (
    <div
      className="grid grid-cols-1 gap-4 rounded-md md:grid-cols-[1fr_320px] border border-slate-200 bg-slate-50 p-3"
      data-testid="review"
    >
      <div className="space-y-2">
        {canEdit ? (
          <>
            <div className="flex flex-wrap items-center gap-2">
              <label className="flex items-center gap-2 text-slate-800">
                Status
                <select
                  value={status}
                  onChange={(e) => setStatus(e.target.value)}
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
              <label className="flex items-center gap-2 text-slate-800">
                Assignee
                <select
                  value={assignee}
                  onChange={(e) => setAssignee(e.target.value)}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1"
                  aria-label="Assignee"
                >
                  <option value="">Unassigned</option>
                  {members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <input
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={status === "wontfix" ? "Reason (required for won't fix)" : "Note"}
              className="w-full rounded-md border border-slate-300 bg-white px-2 py-1"
              aria-label="Review note"
            />
            <textarea
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              rows={2}
              placeholder="Comment"
              className="w-full rounded-md border border-slate-300 bg-white px-2 py-1"
              aria-label="Comment"
            />
            <div className="flex items-center gap-2">
              <button
                type="button"
                disabled={busy || !dirty || (status === "wontfix" && !note.trim())}
                onClick={save}
                className="rounded-md bg-indigo-700 px-3 py-1 font-medium text-white disabled:opacity-40"
              >
                Save review
              </button>
              <button
                type="button"
                disabled={busy || !comment.trim()}
                onClick={postComment}
                className="rounded-md border border-slate-300 bg-white px-3 py-1 font-medium disabled:opacity-40"
              >
                Comment only
              </button>
              {msg && (
                <span
                  role={msg.kind === "ok" ? "status" : "alert"}
                  data-testid={msg.kind === "conflict" ? "conflict" : undefined}
                  className={msg.kind === "ok" ? "text-emerald-800" : "text-red-800"}
                >
                  {msg.text}
                </span>
              )}
            </div>
          </>
        ) : (
          <p className="text-slate-800">
            Status: <b>{STATUS_LABEL[f.state.status] ?? f.state.status}</b>
            {f.state.note ? ` — ${f.state.note}` : ""}
            {f.state.assignee ? ` · assigned to ${f.state.assignee.name}` : ""}
          </p>
        )}
        <div>
          <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">Comments</h4>
          {detail?.comments.length ? (
            <ul className="space-y-1.5" data-testid="comments">
              {detail.comments.map((c) => (
                <li key={c.id} className="rounded border border-slate-200 bg-white px-2 py-1">
                  <span className="text-xs text-slate-600">
                    {c.author?.name ?? "removed member"} · {when(c.createdAt)}
                    {c.carried ? " · from an earlier run" : ""}
                  </span>
                  <p className="whitespace-pre-wrap text-slate-900">{c.body}</p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-xs text-slate-500">No comments yet.</p>
          )}
        </div>
      </div>
      <div>
        <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">History</h4>
        <ol className="max-h-56 space-y-1 overflow-auto text-xs" data-testid="finding-audit">
          {(detail?.audit ?? []).map((e) => (
            <li key={e.id} className="text-slate-700">
              <span className="text-slate-500">{when(e.createdAt)}</span> · <b>{e.actor?.name ?? "system"}</b> {e.summary}
            </li>
          ))}
          {detail && detail.audit.length === 0 && <li className="text-slate-500">No changes yet.</li>}
        </ol>
      </div>
    </div>
  );
}
