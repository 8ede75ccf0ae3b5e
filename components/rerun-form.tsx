"use client";
/** Start the next run: a new upload, a fresh live collection, or a newer DSQL capability date. */
import { useState } from "react";

export function RerunForm({
  id,
  sourceKind,
  targetDate,
  latestDate,
  canUpload,
}: {
  id: string;
  sourceKind: string;
  targetDate: string;
  latestDate: string;
  canUpload: boolean;
}) {
  const [date, setDate] = useState(latestDate > targetDate ? latestDate : targetDate);
  const [files, setFiles] = useState<FileList | null>(null);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const live = sourceKind === "connection";
  return (
    <form
      className="space-y-3 rounded-md border border-slate-200 bg-white p-4 text-sm shadow-sm"
      aria-label="Re-run"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        let res: Response;
        if (files?.length) {
          const fd = new FormData();
          for (const f of Array.from(files)) fd.append("files", f);
          fd.set("targetDate", date);
          res = await fetch(`/api/assessments/${id}/rerun`, { method: "POST", body: fd });
        } else {
          res = await fetch(`/api/assessments/${id}/rerun`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ targetDate: date, ...(live && password ? { password } : {}) }),
          });
        }
        const body = await res.json().catch(() => null);
        setBusy(false);
        if (!res.ok) return setError(body?.error?.message ?? `Re-run failed (${res.status})`);
        window.location.assign(body.url);
      }}
    >
      <h2 className="text-base font-semibold">Re-run</h2>
      <p className="text-slate-600">
        {live ? "Collect from the source again" : "Analyse the stored inputs again"}, or upload a newer schema. Review states and comments
        carry over to findings that are still there (matched by rule and object, not line).
      </p>
      <div className="flex flex-wrap items-end gap-4">
        <label>
          <span className="block text-slate-700">DSQL capabilities as of</span>
          <input
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            className="rounded border border-slate-300 px-2 py-1"
            aria-label="DSQL capability date"
          />
        </label>
        {canUpload && (
          <label>
            <span className="block text-slate-700">New upload (optional)</span>
            <input
              type="file"
              multiple
              onChange={(e) => setFiles(e.target.files)}
              data-testid="rerun-files"
              accept={sourceKind === "snapshot" ? ".json,.gz,.zip" : ".sql,.zip,.psql,.pgsql,.txt,.gz"}
            />
          </label>
        )}
        {live && (
          <label>
            <span className="block text-slate-700">Source password (not stored)</span>
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              className="rounded border border-slate-300 px-2 py-1"
              autoComplete="off"
            />
          </label>
        )}
        <button type="submit" disabled={busy} className="rounded-md bg-indigo-700 px-4 py-1.5 font-medium text-white disabled:opacity-50">
          Start run
        </button>
      </div>
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
    </form>
  );
}
