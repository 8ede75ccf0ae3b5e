import Link from "next/link";
import { auditTrail } from "@/lib/review/findings";
import { formatDate } from "@/components/ui";
import { findingLabels } from "@/lib/store/finding-labels";
import { requirePageUser } from "@/app/_lib/session";

export const dynamic = "force-dynamic";

export default async function ActivityPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser();
  const { id } = await params;
  const events = await auditTrail(id, { limit: 300 });
  const labels = await findingLabels(
    id,
    events.flatMap((e) => (e.findingIdx !== null ? [e.findingIdx] : [])),
  );
  return (
    <div className="space-y-3" data-testid="activity">
      <p className="text-sm text-slate-600">Every review change on this assessment, newest first (the last 300).</p>
      <ol className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-sm">
        {events.map((e) => (
          <li key={e.id} className="flex flex-col gap-x-3 px-3 py-1.5 sm:flex-row" data-testid="audit-event" data-action={e.action}>
            <span className="shrink-0 text-slate-600 sm:w-40">{formatDate(e.createdAt)}</span>
            <span className="shrink-0 font-medium sm:w-32">{e.actor?.name ?? "system"}</span>
            <span className="min-w-0 break-words">
              {e.findingIdx !== null &&
                (() => {
                  const l = labels.get(e.findingIdx);
                  return (
                    <Link
                      href={`/assessments/${id}/checklist?${new URLSearchParams(l ? { rule: l.ruleId, q: l.object.split(" ").slice(1).join(" ") || l.object } : {})}`}
                      className="mr-1 font-medium text-indigo-800 hover:underline"
                      data-testid="audit-finding"
                    >
                      {l ? `${l.title} · ${l.object}` : "a finding"}
                    </Link>
                  );
                })()}
              {e.summary}
              {typeof e.detail.carriedFrom === "string" && <span className="ml-1 text-xs text-slate-600">(earlier run)</span>}
            </span>
          </li>
        ))}
        {events.length === 0 && <li className="px-3 py-2 text-slate-600">No activity yet.</li>}
      </ol>
    </div>
  );
}
