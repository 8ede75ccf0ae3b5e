/**
 * A plan phase made of one step per table (data load, verification) shown as one runbook step: a table
 * of the tables, each with its command, its check-off, and the phase's own progress ("37 of 139 loaded").
 */
import { CopyButton } from "./copy-button";
import { PlanCheck } from "./plan-check";
import type { PlanPhase } from "@/lib/report/sections";
import { planStepKey } from "../lib/report/markdown";

const DONE_WORD: Record<string, string> = { data: "loaded", verification: "verified" };

/** Phases shown this way, and from how many steps on. */
export function isPerTablePhase(p: PlanPhase): boolean {
  return p.id in DONE_WORD && p.steps.length > 6;
}

export function PlanTableSteps({
  id,
  phase,
  number,
  checks,
  canEdit,
}: {
  id: string;
  phase: PlanPhase;
  number: number;
  checks: Record<string, unknown>;
  canEdit: boolean;
}) {
  const done = phase.steps.filter((_, j) => checks[planStepKey(phase.id, j)]).length;
  return (
    <div className="mt-3 rounded-md border border-slate-100 bg-slate-50 p-3" data-testid="plan-table-steps">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">
          {number}.1 One step per table, in this order ({phase.steps.length} tables)
        </h3>
        <p className="text-sm text-slate-800" data-testid="plan-table-progress">
          <span className="font-semibold tabular-nums">
            {done} of {phase.steps.length}
          </span>{" "}
          {DONE_WORD[phase.id]}
        </p>
      </div>
      <div
        className="mt-2 h-2 overflow-hidden rounded bg-slate-200"
        role="progressbar"
        aria-label={`Tables ${DONE_WORD[phase.id]}`}
        aria-valuemin={0}
        aria-valuemax={phase.steps.length}
        aria-valuenow={done}
      >
        <div className="h-full bg-emerald-600" style={{ width: `${(100 * done) / Math.max(1, phase.steps.length)}%` }} />
      </div>
      <ol className="mt-3 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-sm">
        {phase.steps.map((s, j) => (
          <li key={j} className="flex flex-wrap items-start justify-between gap-2 px-3 py-1.5">
            <details className="min-w-0 flex-1">
              <summary className="cursor-pointer break-words">
                <span className="mr-1 tabular-nums text-slate-600">{j + 1}.</span>
                {s.title}
              </summary>
              {s.detail && <p className="mt-1 text-xs text-slate-700">{s.detail}</p>}
              {s.command && (
                <pre tabIndex={0} className="mt-1 max-h-40 overflow-auto rounded-md bg-slate-800 p-2 text-xs text-slate-100">
                  {s.command}
                </pre>
              )}
              {s.sql && (
                <pre tabIndex={0} className="mt-1 max-h-40 overflow-auto rounded-md bg-slate-900 p-2 text-xs text-slate-100">
                  {s.sql}
                </pre>
              )}
              {s.verify && (
                <p className="mt-1 text-xs text-slate-700">
                  <span className="font-semibold">Verify:</span> {s.verify}
                </p>
              )}
              {s.notes.length > 0 && <p className="mt-1 text-xs text-slate-700">{s.notes.join(" ")}</p>}
            </details>
            <span className="flex items-center gap-2">
              {s.command && <CopyButton text={s.command} label="Copy command" />}
              {!s.command && s.sql && <CopyButton text={s.sql} label="Copy SQL" />}
              <PlanCheck
                id={id}
                stepKey={planStepKey(phase.id, j)}
                title={s.title}
                initial={(checks[planStepKey(phase.id, j)] as never) ?? null}
                canEdit={canEdit}
              />
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
