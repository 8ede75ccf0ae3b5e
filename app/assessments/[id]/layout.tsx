import Link from "next/link";
import { notFound } from "next/navigation";
import { KEY_STRATEGY_LABEL, type KeyStrategy } from "@/lib/report/vocabulary";
import { getAssessment } from "@/lib/store/assessments";
import { formatDate, StatusPill } from "@/components/ui";
import { JobProgress } from "@/components/job-progress";
import { Tabs } from "@/components/tabs";
import { PdfExportButton } from "@/components/pdf-export";
import { requirePageUser } from "../../_lib/session";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const a = await getAssessment(id);
  return { title: a?.name ?? "Assessment" };
}

export default async function AssessmentLayout({ params, children }: { params: Promise<{ id: string }>; children: React.ReactNode }) {
  await requirePageUser();
  const { id } = await params;
  const a = await getAssessment(id);
  if (!a) notFound();
  const base = `/assessments/${a.id}`;
  const btn = "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50";
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-4 lg:flex-row lg:items-start lg:justify-between">
        <div className="min-w-0">
          <p className="text-sm text-slate-600">
            <Link href="/" className="hover:underline">
              Assessments
            </Link>{" "}
            /
          </p>
          <h1 className="flex flex-wrap items-center gap-3 break-words text-2xl font-semibold" data-testid="assessment-name">
            {a.name} <StatusPill status={a.status} />
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {a.sourceLabel} ·{" "}
            {a.runNumber > 1 ? (
              <Link href={`${base}/history`} className="font-medium text-indigo-800 hover:underline" data-testid="run-number">
                run {a.runNumber}
              </Link>
            ) : (
              "first run"
            )}{" "}
            · created {formatDate(a.createdAt)} · DSQL as of {a.targetDate} · keys:{" "}
            {KEY_STRATEGY_LABEL[a.keyStrategy as KeyStrategy] ?? a.keyStrategy}
          </p>
        </div>
        {a.status === "done" && (
          <div className="flex shrink-0 flex-wrap gap-2 text-sm" role="group" aria-label="Export">
            <PdfExportButton className={btn} href={`/api/assessments/${a.id}/export?format=pdf`} />
            <a
              className={btn}
              href={`/api/assessments/${a.id}/export?format=summary`}
              data-testid="export-summary"
              title="Readiness, problems that need a person and plan phases: fits one GitHub comment"
            >
              Markdown summary
            </a>
            <a className={btn} href={`/api/assessments/${a.id}/export?format=md`} data-testid="export-md" title="Every finding">
              Markdown (full)
            </a>
            <a className={btn} href={`/api/assessments/${a.id}/export?format=json`}>
              JSON
            </a>
            <a className={btn} href={`/api/assessments/${a.id}/export?format=sarif`}>
              SARIF
            </a>
            <a className={btn} href={`${base}/print`} target="_blank" rel="noreferrer">
              Print view
            </a>
          </div>
        )}
      </div>
      {a.status === "done" ? (
        <>
          <Tabs
            items={[
              { href: base, label: "Overview" },
              { href: `${base}/checklist`, label: "Checklist" },
              { href: `${base}/rewrites`, label: "Rewrites" },
              { href: `${base}/plan`, label: "Plan" },
              { href: `${base}/cost`, label: "Cost & hotspots" },
              { href: `${base}/history`, label: "History" },
              { href: `${base}/share`, label: "Share" },
              { href: `${base}/activity`, label: "Activity" },
            ]}
          />
          <div>{children}</div>
        </>
      ) : (
        <JobProgress id={a.id} initial={{ status: a.status, progress: a.progress as never, error: a.error }} />
      )}
    </div>
  );
}
