"use client";
/** Live job state: polls the status endpoint, refreshes the page when the report is ready. */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

interface Progress {
  phase: string;
  percent: number;
  message: string;
  statements?: number;
}

export function JobProgress({ id, initial }: { id: string; initial: { status: string; progress: Progress | null; error: string | null } }) {
  const router = useRouter();
  const [state, setState] = useState(initial);
  useEffect(() => {
    if (state.status === "done" || state.status === "failed") return;
    let stop = false;
    const tick = async () => {
      try {
        const res = await fetch(`/api/assessments/${id}`, { cache: "no-store" });
        if (res.ok) {
          const body = await res.json();
          if (stop) return;
          setState({ status: body.status, progress: body.progress, error: body.error });
          if (body.status !== state.status && body.status !== "done") router.refresh();
          if (body.status === "done") {
            router.refresh();
            return;
          }
          if (body.status === "failed") return;
        }
      } catch {
        /* transient: keep polling */
      }
      if (!stop) setTimeout(tick, 600);
    };
    const t = setTimeout(tick, 400);
    return () => {
      stop = true;
      clearTimeout(t);
    };
  }, [id, state.status, router]);

  if (state.status === "failed") {
    return (
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-5" data-testid="job-failed">
        <h2 className="font-semibold text-red-900">The assessment failed</h2>
        <p className="mt-2 whitespace-pre-wrap font-mono text-sm text-red-900">{state.error ?? "No reason was recorded."}</p>
        <Link href="/new" className="mt-4 inline-block text-sm font-medium text-red-900 underline">
          Start a new assessment
        </Link>
      </div>
    );
  }
  const p = state.progress ?? { phase: "queued", percent: 0, message: "Waiting for a worker" };
  const pct = Math.max(0, Math.min(100, p.percent));
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="job-progress">
      <div className="flex items-baseline justify-between">
        <h2 className="font-semibold text-slate-900">{state.status === "queued" ? "Queued" : "Analysing"}</h2>
        <span className="text-sm tabular-nums text-slate-700">{pct}%</span>
      </div>
      <div className="mt-3 h-2.5 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label="Assessment progress">
        <div className="h-full rounded-full bg-indigo-600 transition-all" style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-3 text-sm text-slate-700" aria-live="polite">
        {p.message}
        {p.statements ? ` · ${p.statements.toLocaleString("en")} statements` : ""}
      </p>
      <p className="mt-1 text-xs text-slate-600">You can leave this page; the work continues in the background.</p>
    </div>
  );
}
