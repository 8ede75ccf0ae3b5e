"use client";
/**
 * "Edit and check" under a rewrite diff: a person writes their own version of the object (the usual case
 * is a manual item: a trigger's job moved, a routine changed), checks it with the same rules and DSQL
 * date among the other rewritten objects, and repeats until it is clean. Nothing is stored: the version
 * is theirs to copy into the migration.
 */
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { EditCheck } from "../lib/rewrite/check-edit";
import { CopyButton } from "./copy-button";
import { fetchJson } from "./query-provider";
import { SeverityBadge } from "./ui";

export function EditCheckPanel({
  id,
  object,
  initial,
  open = false,
}: {
  id: string;
  /** The object the edit replaces; undefined for SQL that belongs to none (a statement that did not parse). */
  object?: number;
  initial: string;
  open?: boolean;
}) {
  const [sql, setSql] = useState(initial);
  const check = useMutation({
    mutationFn: (text: string) =>
      fetchJson<{ check: EditCheck }>(`/api/assessments/${id}/check`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ object, sql: text }),
      }),
  });
  const result = check.data?.check;
  const blockers = result?.findings.filter((f) => f.severity === "blocker").length ?? 0;
  return (
    <details className="mt-4 rounded-md border border-slate-200 p-3" data-testid="edit-check" open={open || undefined}>
      <summary className="cursor-pointer text-sm font-semibold text-slate-900">Edit and check your own version</summary>
      <p className="mt-2 text-sm text-slate-700">
        Checked with the assessment&apos;s rules and DSQL date, among the other rewritten objects. Nothing is saved: copy your version into
        your migration when it is clean.
      </p>
      <form
        className="mt-2 space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          check.mutate(sql);
        }}
      >
        <textarea
          aria-label="Your version of this object"
          className="h-56 w-full rounded-md border border-slate-300 p-2 font-mono text-xs"
          spellCheck={false}
          value={sql}
          onChange={(e) => setSql(e.target.value)}
        />
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <button
            type="submit"
            disabled={check.isPending || !sql.trim()}
            className="rounded-md bg-indigo-700 px-3 py-1.5 font-semibold text-white hover:bg-indigo-800 disabled:opacity-60"
          >
            {check.isPending ? "Checking…" : "Check"}
          </button>
          <button
            type="button"
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50"
            onClick={() => {
              setSql(initial);
              check.reset();
            }}
          >
            Reset
          </button>
          <CopyButton text={sql} label="Copy" />
        </div>
      </form>
      {check.error && (
        <p role="alert" className="mt-2 text-sm text-red-800" data-testid="edit-check-error">
          {(check.error as Error).message}
        </p>
      )}
      {result && (
        <div className="mt-3" data-testid="edit-check-result" data-blockers={blockers} aria-live="polite">
          <p className="text-sm font-medium text-slate-900">
            {result.findings.length === 0
              ? `No findings in your version (${result.statements} statement${result.statements === 1 ? "" : "s"}, DSQL as of ${result.targetDate}).`
              : `${result.findings.length} finding${result.findings.length === 1 ? "" : "s"}, ${blockers} blocking, in ${result.statements} statement${result.statements === 1 ? "" : "s"} (DSQL as of ${result.targetDate}).`}
          </p>
          {result.context === "named" && (
            <p className="text-xs text-slate-600" data-testid="edit-check-context">
              Checked among the {result.contextObjects} objects it names: the schema is too large to check the whole of it each time.
            </p>
          )}
          {result.findings.length > 0 && (
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {result.findings.map((f, i) => (
                <li key={i} className="flex flex-wrap items-baseline gap-2 py-1.5">
                  <SeverityBadge severity={f.severity} />
                  <span className="font-mono text-xs text-slate-600">
                    line {f.line}:{f.column}
                  </span>
                  <a href={f.docsUrl} className="font-mono text-xs text-indigo-800 hover:underline" target="_blank" rel="noreferrer">
                    {f.ruleId}
                  </a>
                  <span className="text-slate-900">{f.message}</span>
                  {f.fix === "auto" && <span className="text-xs text-slate-600">(the rewrite fixes this form)</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </details>
  );
}
