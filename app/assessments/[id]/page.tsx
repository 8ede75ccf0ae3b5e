import Link from "next/link";
import { databaseAssessments, databaseOf, getAssessment, splittable } from "@/lib/store/assessments";
import { databasesOf } from "@/lib/report/sections";
import { atLeast } from "@/lib/auth/roles";
import { DatabaseSplit } from "@/components/database-split";
import { getFigureReport } from "@/lib/store/figures";
import { FIGURE_LABEL, figuresOf, hours, n } from "@/lib/report/figures";
import { readinessInputsText } from "@/lib/report/contract";
import { Card, Empty, formatBytes } from "@/components/ui";
import { EffortByCategoryChart } from "@/components/charts";
import { FixedByRewrite, NeedsPerson } from "@/components/overview/work-split";
import { BAND_COLOR, SEVERITY_COLOR, SEVERITIES } from "@/lib/report/vocabulary";
import { CostSummary, HotspotList, InputNotes, SourceNotes } from "@/components/sections";
import { ConnectionsSection } from "@/components/connections";
import { requirePageUser } from "../../_lib/session";

export const dynamic = "force-dynamic";

export default async function Overview({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const [a, report] = await Promise.all([getAssessment(id), getFigureReport(id)]);
  if (!a || !report) return <Empty title="No report stored for this assessment" />;
  // A cluster dump's databases, each its own migration (components/database-split.tsx).
  const databases = databasesOf(report);
  const byDatabase = databases.length > 1 ? await databaseAssessments(id) : [];
  const s = report.summary;
  const fg = figuresOf(report);
  const bandColor = BAND_COLOR[fg.readiness.band] ?? "#334155";
  const base = `/assessments/${id}`;

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-12" data-testid="overview">
      <Card title={FIGURE_LABEL.readiness} className="lg:col-span-4">
        <div className="flex flex-wrap items-baseline gap-x-3">
          <span className="text-5xl font-bold tabular-nums" style={{ color: bandColor }} data-testid="readiness-score">
            {fg.readiness.score}
          </span>
          <span className="text-lg font-medium" style={{ color: bandColor }} data-testid="readiness-band">
            {fg.readiness.band}
          </span>
        </div>
        <p className="mt-3 text-sm text-slate-800">
          {FIGURE_LABEL.effort}{" "}
          <Link href={`${base}/plan`} className="font-semibold tabular-nums text-indigo-800 hover:underline" data-testid="effort-range">
            {hours(fg.effort)}
          </Link>
          <span className="text-slate-600"> {fg.effort.basis === "plan" ? "(the migration plan, all phases)" : "(from the findings)"}</span>
        </p>
        <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
          {SEVERITIES.map((sev) => (
            <div
              key={sev}
              className="rounded-md border px-1 py-1"
              style={{ borderColor: SEVERITY_COLOR[sev].border, background: SEVERITY_COLOR[sev].bg }}
            >
              <dt className="text-xs font-medium" style={{ color: SEVERITY_COLOR[sev].fg }}>
                {sev === "advice" ? "Advice" : `${SEVERITY_COLOR[sev].label}s`}
              </dt>
              <dd className="text-lg font-semibold tabular-nums" style={{ color: SEVERITY_COLOR[sev].fg }} data-testid={`count-${sev}`}>
                <Link href={`${base}/checklist?severity=${sev}`} className="hover:underline">
                  {n(fg.bySeverity[sev])}
                </Link>
              </dd>
            </div>
          ))}
        </dl>
        <details className="mt-3 text-xs text-slate-700">
          <summary className="cursor-pointer font-medium text-slate-800">How these are computed</summary>
          <p className="mt-1 leading-relaxed">
            Readiness = <span data-testid="readiness-formula">{s.readiness.formula}</span>. Inputs:{" "}
            <span data-testid="readiness-inputs">{readinessInputsText(s.readiness.inputs)}</span>.
          </p>
          <p className="mt-1 leading-relaxed">Effort = {fg.effort.formula}.</p>
        </details>
      </Card>

      <Card title={FIGURE_LABEL.fixedByRewrite} className="lg:col-span-3">
        <FixedByRewrite figures={fg} base={base} />
      </Card>

      <Card title={FIGURE_LABEL.needsPerson} className="lg:col-span-5">
        <NeedsPerson figures={fg} base={base} />
      </Card>

      <Card title="Effort needing a person, by category" className="lg:col-span-6">
        {fg.effortByCategory.length ? (
          <EffortByCategoryChart data={fg.effortByCategory} />
        ) : (
          <p className="text-sm text-slate-600">No problem needs a person.</p>
        )}
      </Card>

      <Card title="Cost estimate" className="lg:col-span-6">
        <CostSummary report={report} compact />
      </Card>

      <Card title="Top hotspots" className="min-w-0 lg:col-span-12">
        <HotspotList report={report} limit={5} />
      </Card>

      {a.sourceKind === "connection" || a.sourceKind === "snapshot" ? (
        <Card title="Connections" className="min-w-0 lg:col-span-12">
          <ConnectionsSection report={report} compact />
        </Card>
      ) : null}

      <Card title="What was collected" className="lg:col-span-12">
        <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-800">Inputs</h3>
            <table className="w-full text-sm" data-testid="files-table">
              <thead className="text-left text-slate-600">
                <tr>
                  <th className="py-1 font-medium">File</th>
                  <th className="py-1 text-right font-medium">Size</th>
                  <th className="py-1 text-right font-medium">Statements</th>
                  <th className="py-1 text-right font-medium">Parse errors</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.files.map((f) => (
                  <tr key={f.file}>
                    <td className="max-w-xs truncate py-1 font-mono text-xs" title={f.file}>
                      {f.file}
                    </td>
                    <td className="py-1 text-right tabular-nums">{formatBytes(f.bytes)}</td>
                    <td className="py-1 text-right tabular-nums">{f.statements}</td>
                    <td className="py-1 text-right tabular-nums">{f.parseErrors}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {report.files.some((f) => f.metaCommands.length > 0) && (
              <p className="mt-2 text-xs text-slate-600">
                psql meta-commands skipped: {report.files.reduce((n, f) => n + f.metaCommands.length, 0)}.
              </p>
            )}
            <InputNotes files={report.files} database={databaseOf(a)} />
            {databases.length > 1 && (
              <DatabaseSplit id={id} databases={databases} made={byDatabase} canSplit={atLeast(user.role, "member") && splittable(a)} />
            )}
            <SourceNotes report={report} kind={a.sourceKind} />
          </div>
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-800">Objects found</h3>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
              {Object.entries(report.inventory)
                .filter(([, n]) => n > 0)
                .map(([k, n]) => (
                  <div key={k} className="flex justify-between border-b border-slate-100 py-0.5">
                    <dt className="text-slate-700">{k}</dt>
                    <dd className="font-semibold tabular-nums">{n}</dd>
                  </div>
                ))}
            </dl>
            <p className="mt-3 text-xs text-slate-600">
              Assessed against DSQL capabilities as of {report.targetDate} · {report.tool.name} {report.tool.version} · report schema v
              {report.schemaVersion}
            </p>
          </div>
        </div>
      </Card>
    </div>
  );
}
