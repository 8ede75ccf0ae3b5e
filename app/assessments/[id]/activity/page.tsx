import Link from "next/link";
import { auditTrail } from "../../../../lib/review/findings";
import { formatDate } from "../../../../components/ui";
import { requirePageUser } from "../../../_lib/session";

export const dynamic = "force-dynamic";

export default async function ActivityPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser();
  const { id } = await params;
  const events = await auditTrail(id, { limit: 300 });
  return (
    <div className="space-y-3" data-testid="activity">
      <p className="text-sm text-slate-600">Every review change on this assessment, newest first (the last 300; GET /api/assessments/{id}/audit pages further).</p>
      <ol className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-sm">
        {events.map((e) => (
          <li key={e.id} className="flex gap-3 px-3 py-1.5" data-testid="audit-event" data-action={e.action}>
            <span className="w-40 shrink-0 text-slate-500">{formatDate(e.createdAt)}</span>
            <span className="w-32 shrink-0 font-medium">{e.actor?.name ?? "system"}</span>
            <span className="min-w-0">
              {e.findingIdx !== null && (
                <Link href={`/assessments/${id}/checklist?q=`} className="mr-1 font-mono text-xs text-indigo-800">
                  #{e.findingIdx}
                </Link>
              )}
              {e.summary}
              {typeof e.detail.carriedFrom === "string" && <span className="ml-1 text-xs text-slate-500">(earlier run)</span>}
            </span>
          </li>
        ))}
        {events.length === 0 && <li className="px-3 py-2 text-slate-500">No activity yet.</li>}
      </ol>
    </div>
  );
}
