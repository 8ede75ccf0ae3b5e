"use client";
/**
 * The plan's check-offs held on the client, so that checking a step updates the plan's "n of N steps done"
 * and a per-table phase's "n of N loaded" at once, without a reload.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

interface PlanProgress {
  done: ReadonlySet<string>;
  setDone: (stepKey: string, checked: boolean) => void;
}

const PlanProgressContext = createContext<PlanProgress | null>(null);

export function PlanProgressProvider({ initialDone, children }: { initialDone: string[]; children: ReactNode }) {
  const [done, setDoneKeys] = useState<ReadonlySet<string>>(() => new Set(initialDone));
  const setDone = useCallback((stepKey: string, checked: boolean) => {
    setDoneKeys((prev) => {
      if (prev.has(stepKey) === checked) return prev;
      const next = new Set(prev);
      if (checked) next.add(stepKey);
      else next.delete(stepKey);
      return next;
    });
  }, []);
  const value = useMemo(() => ({ done, setDone }), [done, setDone]);
  return <PlanProgressContext.Provider value={value}>{children}</PlanProgressContext.Provider>;
}

/** The plan's progress setter, or null outside a provider (a check-off then only shows itself). */
export function usePlanProgress(): PlanProgress | null {
  return useContext(PlanProgressContext);
}

function countDone(done: ReadonlySet<string>, stepKeys: string[]): number {
  return stepKeys.filter((k) => done.has(k)).length;
}

/** "n of N steps done" for the whole plan. */
export function PlanDoneCount({ stepKeys }: { stepKeys: string[] }) {
  const done = countDone(usePlanProgress()?.done ?? new Set(), stepKeys);
  return (
    <span className="font-semibold text-slate-900">
      {done.toLocaleString("en-US")} of {stepKeys.length.toLocaleString("en-US")} steps done
    </span>
  );
}

/** A per-table phase's own progress: "37 of 139 loaded". */
export function PlanTableProgress({ stepKeys, doneWord }: { stepKeys: string[]; doneWord: string }) {
  const done = countDone(usePlanProgress()?.done ?? new Set(), stepKeys);
  return (
    <p className="text-sm text-slate-800" data-testid="plan-table-progress">
      <span className="font-semibold tabular-nums">
        {done} of {stepKeys.length}
      </span>{" "}
      {doneWord}
    </p>
  );
}

/** The same progress as a bar. */
export function PlanTableProgressBar({ stepKeys, doneWord }: { stepKeys: string[]; doneWord: string }) {
  const done = countDone(usePlanProgress()?.done ?? new Set(), stepKeys);
  return (
    <div
      className="mt-2 h-2 overflow-hidden rounded bg-slate-200"
      role="progressbar"
      aria-label={`Tables ${doneWord}`}
      aria-valuemin={0}
      aria-valuemax={stepKeys.length}
      aria-valuenow={done}
    >
      <div className="h-full bg-emerald-600" style={{ width: `${(100 * done) / Math.max(1, stepKeys.length)}%` }} />
    </div>
  );
}
