"use client";
/** Bulk review of every finding that matches the checklist's active filters. */
import { useState } from "react";
import { REVIEW_STATUSES as FINDING_STATUSES, STATUS_LABEL } from "@/lib/report/vocabulary";
import type { ChecklistFilters, Member } from "./checklist-types";

export function BulkBar({
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
