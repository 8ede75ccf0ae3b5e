"use client";
import { CopyButton } from "./copy-button";
/** Create, list and revoke read-only share links of one assessment. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "./query-provider";

interface Link {
  id: string;
  label: string | null;
  createdAt: string;
  createdBy: { name: string; email: string } | null;
  expiresAt: string | null;
  revokedAt: string | null;
  lastOpenedAt: string | null;
  openCount: number;
  state: string;
}

const date = (s: string | null) => (s ? new Date(s).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "—");

export function ShareLinks({ id, initial, canEdit }: { id: string; initial: Link[]; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const key = ["share-links", id];
  const { data: links = initial } = useQuery({
    queryKey: key,
    queryFn: async () => (await fetchJson<{ links: Link[] }>(`/api/assessments/${id}/share`)).links,
    initialData: initial,
  });
  const [days, setDays] = useState("14");
  const [label, setLabel] = useState("");
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      fetchJson<{ absoluteUrl: string }>(`/api/assessments/${id}/share`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...(days ? { expiresInDays: Number(days) } : {}), ...(label ? { label } : {}) }),
      }),
    onMutate: () => setError(null),
    onSuccess: (body) => {
      setCreated(body.absoluteUrl);
      setLabel("");
    },
    onError: (e) => setError(e.message || "Could not create the link"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const revoke = useMutation({
    mutationFn: (linkId: string) => fetchJson(`/api/assessments/${id}/share/${linkId}`, { method: "DELETE" }),
    onError: () => setError("Could not revoke"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  return (
    <div className="space-y-4" data-testid="share">
      <p className="text-sm text-slate-600">
        A share link opens a read-only view of this assessment&apos;s report (findings with statuses, plan, cost) for anyone who has it,
        without an account. It shows no other assessments, no edit controls and no connection details.
      </p>
      {canEdit && (
        <form
          className="flex flex-wrap items-end gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <label>
            <span className="block text-slate-700">Label</span>
            <input
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              placeholder="e.g. for the DBA team"
              className="rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <label>
            <span className="block text-slate-700">Expires after</span>
            <select
              value={days}
              onChange={(e) => setDays(e.target.value)}
              className="rounded border border-slate-300 px-2 py-1"
              aria-label="Expiry"
            >
              <option value="1">1 day</option>
              <option value="7">7 days</option>
              <option value="14">14 days</option>
              <option value="30">30 days</option>
              <option value="">never</option>
            </select>
          </label>
          <button
            type="submit"
            disabled={create.isPending}
            className="rounded-md bg-indigo-700 px-3 py-1.5 font-medium text-white disabled:opacity-60"
          >
            Create share link
          </button>
        </form>
      )}
      {created && (
        <div
          role="status"
          className="flex flex-wrap items-center gap-2 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm"
        >
          <span>Copy the link now (it is shown once):</span>{" "}
          <code data-testid="share-url" className="min-w-0 break-all">
            {created}
          </code>
          <CopyButton text={created} label="Copy link" />
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="share-links">
          <thead className="text-left text-slate-600">
            <tr>
              <th className="py-1">Link</th>
              <th>Created by</th>
              <th>Created</th>
              <th>Expires</th>
              <th>Last opened</th>
              <th>State</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.id} className="border-t border-slate-200" data-testid="share-link">
                <td className="py-1.5">{l.label ?? <span className="text-slate-500">unlabelled</span>}</td>
                <td>{l.createdBy?.name ?? "—"}</td>
                <td>{date(l.createdAt)}</td>
                <td>{l.expiresAt ? date(l.expiresAt) : "never"}</td>
                <td>
                  {date(l.lastOpenedAt)} {l.openCount > 0 && <span className="text-slate-500">({l.openCount}×)</span>}
                </td>
                <td>{l.state}</td>
                <td className="text-right">
                  {canEdit && l.state === "active" && (
                    <button
                      type="button"
                      className="text-red-700 hover:underline"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate(l.id)}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {links.length === 0 && (
              <tr>
                <td colSpan={7} className="py-2 text-slate-500">
                  No share links yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
