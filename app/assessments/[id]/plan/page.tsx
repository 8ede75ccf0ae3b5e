import { getReport } from "@/lib/store/assessments";
import { Empty } from "@/components/ui";
import { CopyButton } from "@/components/copy-button";
import { planOf } from "@/lib/report/sections";
import { FIGURE_LABEL, figuresOf, hours } from "@/lib/report/figures";
import { PlanCheck } from "@/components/plan-check";
import { PlanDoneCount, PlanProgressProvider } from "@/components/plan-progress";
import { isPerTablePhase, PlanTableSteps } from "@/components/plan-table-steps";
import { RemapScripts } from "@/components/remap-scripts";
import { planChecks } from "@/lib/review/plan-checks";
import { planStepKey } from "@/lib/report/markdown";
import { atLeast } from "@/lib/auth/roles";
import { requirePageUser } from "@/app/_lib/session";

export const dynamic = "force-dynamic";

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const report = await getReport(id, ["rewrites", "findings"]);
  const checks = JSON.parse(JSON.stringify(await planChecks(id)));
  const canEdit = atLeast(user.role, "member");
  const phases = report ? planOf(report) : undefined;
  if (!phases || phases.length === 0) {
    return (
      <Empty title="No migration plan in this report">
        The plan stage orders the DSQL migration (one DDL per transaction, tables, data load, asynchronous indexes, validation). This build
        or this assessment did not include it.
      </Empty>
    );
  }
  const stepKeys = phases.flatMap((p) => p.steps.map((_, j) => planStepKey(p.id, j)));
  const effort = figuresOf(report!).effort;
  return (
    <PlanProgressProvider initialDone={stepKeys.filter((k) => checks[k])}>
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-[240px_1fr]" data-testid="plan">
        <nav aria-label="Phases" className="self-start text-sm lg:sticky lg:top-4">
          <p className="mb-2 text-slate-600" data-testid="plan-progress">
            {phases.length} phases · <PlanDoneCount stepKeys={stepKeys} />
          </p>
          <p className="mb-3 text-slate-800" title={effort.formula} data-testid="plan-effort">
            {FIGURE_LABEL.effort} <span className="font-semibold tabular-nums">{hours(effort)}</span>
          </p>
          <ol className="space-y-1">
            {phases.map((p, i) => (
              <li key={p.id}>
                <a href={`#${p.id}`} className="block rounded px-2 py-1 text-slate-800 hover:bg-slate-100">
                  <span className="mr-1 tabular-nums text-slate-500">{i + 1}.</span>
                  {p.title} <span className="text-xs text-slate-500">({p.steps.length})</span>
                </a>
              </li>
            ))}
          </ol>
        </nav>
        <ol className="min-w-0 space-y-5">
          {phases.map((p, i) => (
            <li
              key={p.id}
              id={p.id}
              className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
              data-testid="plan-phase"
            >
              <h2 className="text-lg font-semibold text-slate-900">
                <span className="mr-2 tabular-nums text-slate-500">{i + 1}</span>
                {p.title}
                {p.effort && (
                  <span className="ml-3 text-sm font-normal tabular-nums text-slate-600">
                    {p.effort.low}–{p.effort.high} h
                  </span>
                )}
              </h2>
              {p.summary && <p className="mt-1 text-sm text-slate-700">{p.summary}</p>}
              {p.id === "remap" && <RemapScripts report={report!} />}
              {isPerTablePhase(p) ? (
                <PlanTableSteps id={id} phase={p} number={i + 1} checks={checks} canEdit={canEdit} />
              ) : (
                <ol className="mt-3 space-y-3">
                  {p.steps.map((s, j) => (
                    <li key={j} className="rounded-md border border-slate-100 bg-slate-50 p-3">
                      <div className="flex items-start justify-between gap-3">
                        <h3 className="text-sm font-semibold text-slate-900">
                          {i + 1}.{j + 1} {s.title}
                        </h3>
                        <div className="flex items-center gap-3">
                          {s.sql && <CopyButton text={s.sql} label="Copy SQL" />}
                          <PlanCheck
                            id={id}
                            stepKey={planStepKey(p.id, j)}
                            title={s.title}
                            initial={checks[planStepKey(p.id, j)] ?? null}
                            canEdit={canEdit}
                          />
                        </div>
                      </div>
                      {s.detail && <p className="mt-1 text-sm text-slate-700">{s.detail}</p>}
                      {s.sql && (
                        <pre
                          tabIndex={0}
                          className="mt-2 max-h-80 overflow-auto rounded-md bg-slate-900 p-3 text-xs leading-relaxed text-slate-100"
                        >
                          {s.sql}
                        </pre>
                      )}
                      {s.command && (
                        <div className="mt-2 flex items-start gap-2">
                          <pre
                            tabIndex={0}
                            className="max-h-40 min-w-0 flex-1 overflow-auto rounded-md bg-slate-800 p-2 text-xs text-slate-100"
                          >
                            {s.command}
                          </pre>
                          <CopyButton text={s.command} label="Copy command" />
                        </div>
                      )}
                      {s.verify && (
                        <p className="mt-2 text-xs text-slate-700">
                          <span className="font-semibold">Verify:</span> {s.verify}
                        </p>
                      )}
                      {s.resolves.length > 0 && (
                        <p className="mt-1 flex flex-wrap gap-1 text-xs">
                          <span className="text-slate-600">Resolves</span>
                          {s.resolves.map((r) => (
                            <span key={r} className="rounded-full border border-indigo-200 bg-indigo-50 px-1.5 font-mono text-indigo-800">
                              {r}
                            </span>
                          ))}
                        </p>
                      )}
                      {s.notes.length > 0 && (
                        <ul className="mt-2 list-disc pl-5 text-xs text-slate-700">
                          {s.notes.map((n, k) => (
                            <li key={k}>{n}</li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      </div>
    </PlanProgressProvider>
  );
}
