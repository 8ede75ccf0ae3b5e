"use client";
/**
 * The workload form on the Cost & hotspots page: when the source measured no workload (no
 * pg_stat_statements, schema files only) the team enters one, and the same DPU/cost model estimates
 * from it. Whatever is entered is labelled "entered, not measured" everywhere it shows.
 */
import { useRouter } from "next/navigation";
import { useState } from "react";

interface Entered {
  transactionsPerSecond: number;
  rowsPerTransaction: number;
  readWriteRatio: string | number;
  storageGb: number;
}

const FIELDS = [
  { name: "transactionsPerSecond", label: "Transactions per second", help: "average at steady state", step: "any" },
  { name: "rowsPerTransaction", label: "Rows per transaction", help: "rows read or written by one transaction", step: "any" },
  { name: "readWriteRatio", label: "Reads : writes", help: "share of transactions, e.g. 80:20", step: undefined },
  { name: "storageGb", label: "Storage (GB)", help: "data stored, tables and indexes", step: "any" },
] as const;

export function WorkloadForm({
  assessmentId,
  entered,
  storageGb,
  canEdit,
  partial,
}: {
  assessmentId: string;
  entered?: Entered;
  storageGb?: number;
  canEdit: boolean;
  partial?: boolean;
}) {
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>({
    transactionsPerSecond: String(entered?.transactionsPerSecond ?? ""),
    rowsPerTransaction: String(entered?.rowsPerTransaction ?? ""),
    readWriteRatio: String(entered?.readWriteRatio ?? "80:20"),
    storageGb: String(entered?.storageGb ?? (storageGb !== undefined ? Math.round(storageGb * 100) / 100 : "")),
  });
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const num = (v: string) => (v.trim() === "" || !Number.isFinite(Number(v)) ? v : Number(v));
    const body = {
      transactionsPerSecond: num(values.transactionsPerSecond),
      rowsPerTransaction: num(values.rowsPerTransaction),
      readWriteRatio: values.readWriteRatio,
      storageGb: num(values.storageGb),
    };
    try {
      const res = await fetch(`/api/assessments/${assessmentId}/workload`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) {
        const j = await res.json().catch(() => ({}));
        const fields: Record<string, string> = {};
        for (const i of (j.error?.issues ?? []) as Array<{ field: string; message: string }>) fields[i.field] = i.message;
        setError({ message: j.error?.message ?? `The estimate could not be saved (HTTP ${res.status})`, fields });
        return;
      }
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3 text-sm" data-testid="workload-form" noValidate>
      <p className="text-slate-700">
        {entered
          ? "The estimate above comes from this workload."
          : partial
            ? "Without pg_stat_statements the estimate above counts only writes seen in table counters; enter the workload for a complete one."
            : "Nothing was measured, so enter the workload you expect."}{" "}
        Figures entered here are labelled <span className="font-medium">entered, not measured</span> in the report and its exports.
      </p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {FIELDS.map((f) => (
          <label key={f.name} className="block">
            <span className="font-medium text-slate-800">{f.label}</span>
            <input
              name={f.name}
              inputMode={f.step ? "decimal" : "text"}
              value={values[f.name]}
              disabled={!canEdit || busy}
              onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              aria-invalid={!!error?.fields[f.name]}
              aria-describedby={`${f.name}-help`}
              className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 tabular-nums aria-[invalid=true]:border-red-600"
            />
            <span id={`${f.name}-help`} className={`mt-0.5 block text-xs ${error?.fields[f.name] ? "text-red-700" : "text-slate-600"}`}>
              {error?.fields[f.name] ?? f.help}
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p role="alert" className="text-red-700" data-testid="workload-error">
          {error.message}
        </p>
      )}
      {canEdit ? (
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-indigo-700 px-3 py-1.5 font-medium text-white hover:bg-indigo-800 disabled:opacity-60"
        >
          {busy ? "Estimating…" : entered ? "Update the estimate" : "Estimate the cost"}
        </button>
      ) : (
        <p className="text-xs text-slate-600">Viewers cannot enter a workload; ask a member.</p>
      )}
    </form>
  );
}
