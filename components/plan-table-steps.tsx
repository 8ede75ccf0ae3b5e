/**
 * A plan phase made of one step per table (data load, verification) shown as one runbook step: a table
 * of the tables, each with its command, its check-off, and the phase's own progress ("37 of 139 loaded").
 */
import { CopyButton } from "./copy-button";
import { PlanCheck } from "./plan-check";
import { PlanTableProgress, PlanTableProgressBar } from "./plan-progress";
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
  const stepKeys = phase.steps.map((_, j) => planStepKey(phase.id, j));
  return (
    <div className="mt-3 rounded-md border border-slate-100 bg-slate-50 p-3" data-testid="plan-table-steps">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900">
          {number}.1 One step per table, in this order ({phase.steps.length} tables)
        </h3>
        <PlanTableProgress stepKeys={stepKeys} doneWord={DONE_WORD[phase.id]} />
      </div>
      <PlanTableProgressBar stepKeys={stepKeys} doneWord={DONE_WORD[phase.id]} />
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
