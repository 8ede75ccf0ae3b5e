import Link from "next/link";
import { LATEST_CAPABILITY_DATE } from "@/lib/rules/core/capabilities";
import { diffRuns, runsOf, type DiffEntry } from "@/lib/review/history";
import { getAssessment } from "@/lib/store/assessments";
import { atLeast } from "@/lib/auth/roles";
import { formatDate, SeverityBadge, StatusPill } from "@/components/ui";
import { RerunForm } from "@/components/rerun-form";
import { STATUS_LABEL } from "@/lib/report/vocabulary";
import { requirePageUser } from "@/app/_lib/session";

export const dynamic = "force-dynamic";

function List({
  title,
  items,
  testid,
  base,
}: {
  title: string;
  items: Array<DiffEntry & { previousLine?: number }>;
  testid: string;
  base: string;
}) {
  return (
    <details className="rounded-md border border-slate-200 bg-white p-3" open={items.length > 0 && items.length <= 50} data-testid={testid}>
      <summary className="cursor-pointer font-semibold">
        {title}{" "}
        <span className="tabular-nums" data-testid={`${testid}-count`}>
          {items.length}
        </span>
      </summary>
      <ul className="mt-2 space-y-1 text-sm">
        {items.slice(0, 200).map((f) => (
          <li key={`${f.idx}`} className="flex items-baseline gap-2">
            <SeverityBadge severity={f.severity} />
            <span className="font-mono text-xs">{f.ruleId}</span>
            <span>{f.objectKey}</span>
            <span className="text-slate-600">— {f.message}</span>
            {f.previousLine !== undefined && f.previousLine !== f.line && (
              <span className="text-xs text-slate-500">
                (line {f.previousLine} → {f.line})
              </span>
            )}
            {f.status !== "open" && <span className="rounded bg-slate-100 px-1.5 text-xs">{STATUS_LABEL[f.status] ?? f.status}</span>}
          </li>
        ))}
        {items.length > 200 && (
          <li className="text-slate-500">
            …and {items.length - 200} more (GET {base})
          </li>
        )}
      </ul>
    </details>
  );
}

export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const a = (await getAssessment(id))!;
  const runs = await runsOf(id);
  const prev = a.previousId ? runs.find((r) => r.id === a.previousId) : undefined;
  const diff = prev && prev.status === "done" ? await diffRuns(id, prev.id) : undefined;
  return (
    <div className="space-y-5" data-testid="history">
      <section>
        <h2 className="mb-2 text-lg font-semibold">Runs</h2>
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-left text-slate-600">
              <tr>
                <th className="py-1">Run</th>
                <th>Started</th>
                <th>By</th>
                <th>Source</th>
                <th>DSQL as of</th>
                <th>Status</th>
                <th className="text-right">Findings</th>
                <th className="text-right">Blockers</th>
                <th className="text-right">Readiness</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} className={`border-t border-slate-200 ${r.id === id ? "bg-indigo-50" : ""}`} data-testid="run">
                  <td className="py-1.5">
                    <Link href={`/assessments/${r.id}/history`} className="font-medium text-indigo-800 hover:underline">
                      Run {r.runNumber}
                    </Link>
                    {r.id === id && <span className="ml-1 text-xs text-slate-600">(this)</span>}
                  </td>
                  <td>{formatDate(r.createdAt)}</td>
                  <td>{r.createdBy?.name ?? "—"}</td>
                  <td className="max-w-64 truncate">{r.sourceLabel}</td>
                  <td>{r.targetDate}</td>
                  <td>
                    <StatusPill status={r.status} />
                  </td>
                  <td className="text-right tabular-nums">{r.findingsCount ?? "—"}</td>
                  <td className="text-right tabular-nums">{r.blockers ?? "—"}</td>
                  <td className="text-right tabular-nums">{r.readinessScore ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {diff && prev && (
        <section className="space-y-2" data-testid="run-diff">
          <h2 className="text-lg font-semibold">
            Changes since run {prev.runNumber}: <span className="text-emerald-800">{diff.counts.resolved} resolved</span>,{" "}
            <span className="text-red-800">{diff.counts.new} new</span>, {diff.counts.unchanged} unchanged
          </h2>
          <p className="text-sm text-slate-600">
            Findings are matched by rule and object, not by line number; unchanged findings keep their review status and comments.
          </p>
          <List title="New" items={diff.new} testid="diff-new" base={`/api/assessments/${id}/diff`} />
          <List title="Resolved" items={diff.resolved} testid="diff-resolved" base={`/api/assessments/${id}/diff`} />
          <List title="Unchanged" items={diff.unchanged} testid="diff-unchanged" base={`/api/assessments/${id}/diff`} />
        </section>
      )}
      {!a.previousId && <p className="text-sm text-slate-600">This is the first run. Re-run it to see what changed.</p>}
      {atLeast(user.role, "member") && (
        <RerunForm
          id={id}
          sourceKind={a.sourceKind}
          targetDate={a.targetDate}
          latestDate={LATEST_CAPABILITY_DATE}
          canUpload={a.sourceKind !== "connection"}
        />
      )}
    </div>
  );
}
