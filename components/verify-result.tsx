"use client";
/**
 * "Verify the rewrite" on the Rewrites page: starts the verification job (members), polls its state while
 * it is queued or running, then shows the result: intended differences with their rules, unexplained
 * differences with the objects and the script statement, and the script statements that failed.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { VerificationState } from "../lib/jobs/verification";
import { fetchJson } from "./query-provider";

interface VerifyStatus {
  verification: VerificationState | null;
  canVerify: boolean;
  reason: string | null;
}

const pending = (v: VerificationState | null | undefined) => v?.status === "queued" || v?.status === "running";

function secondsSince(iso: string | undefined, now: number): number {
  return iso ? Math.max(0, Math.round((now - Date.parse(iso)) / 1000)) : 0;
}

export function VerifyRewrite({ id, canStart }: { id: string; canStart: boolean }) {
  const client = useQueryClient();
  const key = ["verification", id];
  const { data, error } = useQuery({
    queryKey: key,
    queryFn: () => fetchJson<VerifyStatus>(`/api/assessments/${id}/verify`),
    refetchInterval: (q) => (pending(q.state.data?.verification) ? 1000 : false),
  });
  const start = useMutation({
    mutationFn: () =>
      fetchJson<{ verification: VerificationState }>(`/api/assessments/${id}/verify`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    onSuccess: (r) =>
      client.setQueryData<VerifyStatus>(key, (old) => ({ canVerify: true, reason: null, ...old, verification: r.verification })),
  });
  const [now, setNow] = useState(() => Date.now());
  const v = data?.verification;
  useEffect(() => {
    if (!pending(v)) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [v]);

  const button = canStart && data?.canVerify && !pending(v) && (
    <button
      type="button"
      onClick={() => start.mutate()}
      disabled={start.isPending}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60"
      data-testid="verify-start"
    >
      {v ? "Verify again" : "Verify the rewrite"}
    </button>
  );
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-label="Schema verification"
      data-testid="verify-section"
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">Schema verification</h2>
          <p className="text-sm text-slate-700">
            Loads the inputs and the rewritten script into a throwaway PostgreSQL and compares tables, columns, primary, unique and foreign
            keys.
          </p>
        </div>
        {button}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {(error as Error).message}
        </p>
      )}
      {start.error && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {(start.error as Error).message}
        </p>
      )}
      {data && !data.canVerify && data.reason && (
        <p className="mt-2 text-sm text-slate-700" data-testid="verify-unavailable">
          {data.reason}
        </p>
      )}
      {pending(v) && (
        <p className="mt-3 text-sm text-slate-800" aria-live="polite" data-testid="verify-progress">
          {v!.status === "queued"
            ? `Waiting for a worker… requested ${secondsSince(v!.requestedAt, now)} s ago`
            : `Verifying… started ${secondsSince(v!.startedAt, now)} s ago`}
        </p>
      )}
      {v?.status === "failed" && (
        <p role="alert" className="mt-3 whitespace-pre-wrap text-sm text-red-800" data-testid="verify-error">
          {v.error}
        </p>
      )}
      {v?.status === "done" && <VerifyOutcome result={v.result} finishedAt={v.finishedAt} />}
    </section>
  );
}

function VerifyOutcome({
  result: r,
  finishedAt,
}: {
  result: Extract<VerificationState, { status: "done" }>["result"];
  finishedAt: string;
}) {
  return (
    <div className="mt-3 space-y-3 text-sm" data-testid="verify-result" data-ok={r.ok ? "true" : "false"}>
      <p className={`font-semibold ${r.ok ? "text-emerald-800" : "text-red-800"}`} data-testid="verify-verdict">
        {r.ok ? "Passed" : "Failed"}: {r.tables.original} tables in the inputs, {r.tables.rewritten} in the script; {r.explained.length}{" "}
        intended difference{r.explained.length === 1 ? "" : "s"}, {r.unexplained.length} unexplained, {r.failures.length} failed statement
        {r.failures.length === 1 ? "" : "s"}
        <span className="ml-2 font-normal text-slate-600">
          ({r.server}, {new Date(finishedAt).toLocaleString("en")})
        </span>
      </p>
      {r.unexplained.length > 0 && (
        <div>
          <h3 className="font-semibold text-red-900">Unexplained differences</h3>
          <ul className="mt-1 divide-y divide-slate-100" data-testid="verify-unexplained">
            {r.unexplained.map((d, i) => (
              <li key={i} className="py-1.5">
                <span className="font-medium">{d.change}</span> <span className="font-mono">{d.object}</span>{" "}
                <span className="text-slate-700">({d.detail})</span>
                {d.statement && (
                  <p className="mt-0.5 text-xs text-slate-700">
                    script statement #{d.statement.seq}
                    {d.statement.line ? ` (input line ${d.statement.line})` : ""}:{" "}
                    <code className="font-mono">{d.statement.sql.slice(0, 200)}</code>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.failures.length > 0 && (
        <div>
          <h3 className="font-semibold text-red-900">Script statements that failed</h3>
          <ul className="mt-1 divide-y divide-slate-100" data-testid="verify-failures">
            {r.failures.map((f, i) => (
              <li key={i} className="py-1.5">
                statement {f.where} {f.object && <span className="font-mono">{f.object}</span>}: {f.error}
                <pre className="mt-0.5 overflow-x-auto whitespace-pre-wrap text-xs text-slate-700">{f.sql.slice(0, 300)}</pre>
              </li>
            ))}
          </ul>
        </div>
      )}
      {(r.failingInInputsToo?.length ?? 0) > 0 && (
        <details>
          <summary className="cursor-pointer font-semibold text-slate-800">
            Failing in the inputs too ({r.failingInInputsToo!.length}): the input statement fails with the same error
          </summary>
          <ul className="mt-1 divide-y divide-slate-100" data-testid="verify-failing-in-inputs">
            {r.failingInInputsToo!.map((f, i) => (
              <li key={i} className="py-1.5">
                statement {f.where} {f.object && <span className="font-mono">{f.object}</span>}: {f.error}
              </li>
            ))}
          </ul>
        </details>
      )}
      {r.explained.length > 0 && (
        <details>
          <summary className="cursor-pointer font-semibold text-slate-800">Intended differences ({r.explained.length})</summary>
          <ul className="mt-1 divide-y divide-slate-100" data-testid="verify-explained">
            {r.explained.map((d, i) => (
              <li key={i} className="py-1.5">
                <span className="font-medium">{d.change}</span> <span className="font-mono">{d.object}</span>
                {d.rules?.length ? <span className="ml-1 font-mono text-xs text-indigo-800">{d.rules.join(", ")}</span> : null}
                {d.reason && <p className="text-xs text-slate-700">{d.reason}</p>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
