"use client";
/** One checklist finding: its summary row, and when open its SQL, rule docs and review form. */
import { useCallback, useEffect, useState } from "react";
import type { RuleDoc } from "@/lib/report/vocabulary";
import { REVIEW_STATUSES as FINDING_STATUSES, SEVERITY_COLOR, STATUS_COLOR, STATUS_LABEL } from "@/lib/report/vocabulary";
import type { Detail, Item, Member, ReviewState } from "./checklist-types";
import { when } from "./checklist-types";

export function FindingRow({
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
          <div className="flex flex-wrap gap-4">
            <a href={f.docsUrl} target="_blank" rel="noreferrer" className="inline-block font-medium text-indigo-700 hover:underline">
              DSQL documentation ↗
            </a>
            {(f.ruleId === "parse-error" || (REWRITE_KINDS.has(f.object.kind) && f.object.name)) && (
              <a
                href={rewriteHref(assessmentId, f)}
                className="inline-block font-medium text-indigo-700 hover:underline"
                data-testid="finding-rewrite"
              >
                {f.ruleId === "parse-error" ? "Correct it on the Rewrites page" : "See it on the Rewrites page"}
              </a>
            )}
          </div>
          <Review assessmentId={assessmentId} f={f} onSaved={onSaved} canEdit={canEdit} members={members} />
        </div>
      )}
    </li>
  );
}

/** Object kinds the Rewrites page lists (a finding on a session setting or a file has no diff there). */
const REWRITE_KINDS = new Set([
  "table",
  "column",
  "constraint",
  "index",
  "view",
  "materialized-view",
  "function",
  "procedure",
  "sequence",
  "type",
  "domain",
  "schema",
  "trigger",
  "extension",
  "policy",
  "rule",
  "aggregate",
  "event-trigger",
  "foreign-table",
  "operator",
  "publication",
]);

/**
 * Where the finding's object is on the Rewrites page: its diff, found by the table or object name (a
 * column's or constraint's changes are in its table's), or the manual work list for a statement that did
 * not parse.
 */
function rewriteHref(assessmentId: string, f: Item): string {
  const base = `/assessments/${assessmentId}/rewrites`;
  if (f.ruleId === "parse-error") return `${base}#manual-work`;
  const owner = ["column", "constraint"].includes(f.object.kind) ? f.object.name.split(".")[0] : f.object.name;
  return `${base}?${new URLSearchParams({ q: f.object.schema ? `${f.object.schema}.${owner}` : owner, all: "1" })}`;
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
