"use client";
/** Live job state: polls the status endpoint, refreshes the page when the report is ready. */
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { fetchJson } from "./query-provider";

interface Progress {
  phase: string;
  percent: number;
  message: string;
  statements?: number;
}

type JobState = { status: string; progress: Progress | null; error: string | null };

const finished = (status: string) => status === "done" || status === "failed";

export function JobProgress({ id, initial }: { id: string; initial: JobState }) {
  const router = useRouter();
  const { data } = useQuery({
    queryKey: ["assessment-status", id],
    queryFn: async (): Promise<JobState> => {
      const body = await fetchJson<JobState>(`/api/assessments/${id}`);
      return { status: body.status, progress: body.progress, error: body.error };
    },
    initialData: initial,
    initialDataUpdatedAt: 0,
    // Poll while the job runs; a transient error keeps the last state and polling goes on.
    refetchInterval: (q) => (finished(q.state.data?.status ?? "queued") ? false : 600),
    retry: true,
  });
  const state = data ?? initial;
  // Re-render the server page when the job moves on (queued → running → done) so the report appears.
  const seen = useRef(initial.status);
  const [stillHere, setStillHere] = useState(false);
  useEffect(() => {
    if (state.status === seen.current) return;
    seen.current = state.status;
    if (state.status === "failed") return;
    router.refresh();
    if (state.status !== "done") return;
    // A refresh issued while the navigation that opened this page is still settling can be dropped, and
    // polling has stopped: ask again until the report replaces this component, and offer a reload.
    const again = setInterval(() => router.refresh(), 2000);
    const offer = setTimeout(() => setStillHere(true), 6000);
    return () => {
      clearInterval(again);
      clearTimeout(offer);
    };
  }, [state.status, router]);

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
  if (state.status === "done") {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="job-done" role="status">
        <h2 className="font-semibold text-slate-900">The report is ready</h2>
        <p className="mt-2 text-sm text-slate-700">
          Loading it…{" "}
          {stillHere && (
            <a href={`/assessments/${id}`} className="font-medium text-indigo-800 underline">
              Open the report
            </a>
          )}
        </p>
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
      <div
        className="mt-3 h-2.5 overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-label="Assessment progress"
      >
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
