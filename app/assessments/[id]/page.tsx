import Link from "next/link";
import { categoryMatrix, getAssessment, getReport, ruleDoc, ruleSeverity } from "../../../lib/store/assessments";
import { Card, Empty, formatBytes } from "../../../components/ui";
import { CategoryChart, SeverityChart } from "../../../components/charts";
import { BAND_COLOR, SEVERITY_COLOR, SEVERITIES } from "../../../components/severity";
import { CostSummary, HotspotList, SourceNotes } from "../../../components/sections";
import { ConnectionsSection } from "../../../components/connections";
import { requirePageUser } from "../../_lib/session";

export const dynamic = "force-dynamic";

export default async function Overview({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser();
  const { id } = await params;
  const [a, report, categories] = await Promise.all([getAssessment(id), getReport(id, ["rewrites", "manualWorkItems", "plan", "findings"]), categoryMatrix(id)]);
  if (!a || !report) return <Empty title="No report stored for this assessment" />;
  const s = report.summary;
  const topRules = Object.entries(s.byRule)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 8);
  const titles = new Map(topRules.map(([rule]) => [rule, { title: ruleDoc(rule)?.title ?? rule, severity: (ruleSeverity(rule) ?? "advice") as "blocker" | "warning" | "advice" }]));
  const bandColor = BAND_COLOR[s.readiness.band] ?? "#334155";
  const base = `/assessments/${id}`;

  return (
    <div className="grid grid-cols-12 gap-4" data-testid="overview">
      <Card title="Readiness" className="col-span-4">
        <div className="flex items-baseline gap-3">
          <span className="text-5xl font-bold tabular-nums" style={{ color: bandColor }} data-testid="readiness-score">
            {s.readiness.score}
          </span>
          <span className="text-lg font-medium" style={{ color: bandColor }} data-testid="readiness-band">
            {s.readiness.band}
          </span>
        </div>
        <p className="mt-3 text-xs leading-relaxed text-slate-700" data-testid="readiness-formula">
          {s.readiness.formula}
        </p>
        <p className="mt-2 text-xs text-slate-600">
          Inputs: {s.readiness.inputs.objects} objects, {s.readiness.inputs.blockerPoints} blocker points, {s.readiness.inputs.warningPoints} warning points.
        </p>
      </Card>

      <Card title="Findings by severity" className="col-span-4">
        <dl className="mb-2 grid grid-cols-3 gap-2 text-center">
          {SEVERITIES.map((sev) => (
            <div key={sev} className="rounded-md border px-2 py-1.5" style={{ borderColor: SEVERITY_COLOR[sev].border, background: SEVERITY_COLOR[sev].bg }}>
              <dt className="text-xs font-medium" style={{ color: SEVERITY_COLOR[sev].fg }}>
                {sev === "advice" ? "Advice" : `${SEVERITY_COLOR[sev].label}s`}
              </dt>
              <dd className="text-xl font-semibold tabular-nums" style={{ color: SEVERITY_COLOR[sev].fg }} data-testid={`count-${sev}`}>
                <Link href={`${base}/checklist?severity=${sev}`} className="hover:underline">
                  {s.bySeverity[sev]}
                </Link>
              </dd>
            </div>
          ))}
        </dl>
        <SeverityChart data={s.bySeverity} />
      </Card>

      <Card title="Effort" className="col-span-4">
        <p className="text-3xl font-semibold tabular-nums text-slate-900" data-testid="effort-range">
          {s.effortHours.low}–{s.effortHours.high} h
        </p>
        <p className="mt-1 text-sm text-slate-700">
          {s.findings} findings · {s.fixKinds.auto} fixed automatically by the rewrite · {s.fixKinds.manual} manual
        </p>
        <p className="mt-3 text-xs leading-relaxed text-slate-700">{s.effortHours.formula}</p>
      </Card>

      <Card title="Findings by category" className="col-span-7">
        {categories.length ? <CategoryChart data={categories} /> : <p className="text-sm text-slate-600">No findings.</p>}
      </Card>

      <Card title="Most frequent rules" className="col-span-5">
        <table className="w-full text-sm">
          <tbody className="divide-y divide-slate-100">
            {topRules.map(([rule, n]) => {
              const t = titles.get(rule);
              return (
                <tr key={rule}>
                  <td className="py-1.5 pr-2">
                    <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: SEVERITY_COLOR[t?.severity ?? "advice"].fg }} aria-hidden />
                  </td>
                  <td className="py-1.5">
                    <Link href={`${base}/checklist?rule=${encodeURIComponent(rule)}`} className="text-indigo-700 hover:underline">
                      {t?.title ?? rule}
                    </Link>
                    <div className="font-mono text-xs text-slate-600">{rule}</div>
                  </td>
                  <td className="py-1.5 text-right font-semibold tabular-nums">{n}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>

      <Card title="Cost estimate" className="col-span-6">
        <CostSummary report={report} compact />
      </Card>

      <Card title="Top hotspots" className="col-span-6">
        <HotspotList report={report} limit={5} />
      </Card>

      {a.sourceKind === "connection" || a.sourceKind === "snapshot" ? (
        <Card title="Connections" className="col-span-12">
          <ConnectionsSection report={report} compact />
        </Card>
      ) : null}

      <Card title="What was collected" className="col-span-12">
        <div className="grid grid-cols-2 gap-6">
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
              <p className="mt-2 text-xs text-slate-600">psql meta-commands skipped: {report.files.reduce((n, f) => n + f.metaCommands.length, 0)}.</p>
            )}
            <SourceNotes report={report} kind={a.sourceKind} />
          </div>
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-800">Objects found</h3>
            <dl className="grid grid-cols-3 gap-x-4 gap-y-1 text-sm">
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
              Assessed against DSQL capabilities as of {report.targetDate} · {report.tool.name} {report.tool.version} · report schema v{report.schemaVersion}
            </p>
          </div>
        </div>
      </Card>
    </div>
  );
}
