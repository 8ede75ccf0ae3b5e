"use client";
/**
 * A cluster dump holds several databases and a DSQL cluster has one: each database is its own migration.
 * This offers one assessment per database (the stored inputs narrowed to it, as the CLI's --database),
 * and links to them once made.
 */
import Link from "next/link";
import { useState } from "react";

export function DatabaseSplit({
  id,
  databases,
  made,
  canSplit,
}: {
  id: string;
  databases: string[];
  made: Array<{ database: string; id: string }>;
  canSplit: boolean;
}) {
  const [links, setLinks] = useState(made);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (links.length)
    return (
      <p className="mt-2 text-xs text-slate-700" data-testid="database-assessments">
        Assessed on their own:{" "}
        {links.map((l, i) => (
          <span key={l.id}>
            {i > 0 && ", "}
            <Link href={`/assessments/${l.id}`} className="font-medium text-indigo-800 hover:underline">
              {l.database}
            </Link>
          </span>
        ))}
        .
      </p>
    );
  if (!canSplit) return null;
  return (
    <div className="mt-2 text-xs">
      <button
        type="button"
        disabled={busy}
        className="rounded-md border border-indigo-300 bg-indigo-50 px-3 py-1 font-medium text-indigo-800 hover:bg-indigo-100 disabled:opacity-50"
        data-testid="split-databases"
        onClick={async () => {
          setBusy(true);
          setError(null);
          const res = await fetch(`/api/assessments/${id}/databases`, { method: "POST" });
          const body = await res.json().catch(() => null);
          setBusy(false);
          if (!res.ok) return setError(body?.error?.message ?? `Could not start the assessments (${res.status})`);
          setLinks(body.assessments);
        }}
      >
        {busy ? "Starting…" : `Assess each of the ${databases.length} databases on its own`}
      </button>
      {error && (
        <p role="alert" className="mt-1 text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
