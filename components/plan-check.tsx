"use client";
/** A plan step's check-off, with who and when; saved immediately. */
import { useState } from "react";
import { usePlanProgress } from "./plan-progress";

export interface StepCheck {
  checkedAt: string;
  checkedBy: { name: string } | null;
}

export function PlanCheck({
  id,
  stepKey,
  title,
  initial,
  canEdit,
}: {
  id: string;
  stepKey: string;
  title: string;
  initial: StepCheck | null;
  canEdit: boolean;
}) {
  const [check, setCheck] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const progress = usePlanProgress();
  return (
    <label className="flex shrink-0 items-center gap-2 text-xs text-slate-700" data-testid="plan-check">
      <input
        type="checkbox"
        checked={!!check}
        disabled={!canEdit || busy}
        aria-label={`Done: ${title}`}
        onChange={async (e) => {
          const checked = e.target.checked;
          const before = check;
          // Show the change at once; the server's answer (who, when) replaces it.
          setCheck(checked ? { checkedAt: new Date().toISOString(), checkedBy: null } : null);
          progress?.setDone(stepKey, checked);
          setBusy(true);
          setError(null);
          const res = await fetch(`/api/assessments/${id}/plan-checks`, {
            method: "PUT",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ stepKey, checked, title }),
          });
          const body = await res.json().catch(() => null);
          setBusy(false);
          if (!res.ok) {
            setCheck(before);
            progress?.setDone(stepKey, !!before);
            return setError(body?.error?.message ?? "Could not save");
          }
          setCheck(body.check);
        }}
        className="h-4 w-4"
      />
      {check && busy ? (
        <span>saving…</span>
      ) : check ? (
        <span data-testid="plan-check-by">
          done · {check.checkedBy?.name ?? "removed member"},{" "}
          {new Date(check.checkedAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}
        </span>
      ) : (
        <span>done</span>
      )}
      {error && (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      )}
    </label>
  );
}
