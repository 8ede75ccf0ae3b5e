import { getReport } from "@/lib/store/assessments";
import { Card, Empty } from "@/components/ui";
import { CostSummary, HotspotList } from "@/components/sections";
import { CostWhatIf } from "@/components/what-if";
import { WorkloadForm } from "@/components/workload-form";
import { ConnectionsSection } from "@/components/connections";
import { costOf } from "@/components/cost";
import { atLeast } from "@/lib/auth/roles";
import { requirePageUser } from "@/app/_lib/session";

export const dynamic = "force-dynamic";

export default async function CostPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const report = await getReport(id, ["rewrites", "manualWorkItems", "plan"]);
  if (!report) return <Empty title="No report stored" />;
  const cost = costOf(report);
  // The form appears when nothing was measured, or to revise what was entered.
  const askWorkload = !cost || cost.status === "no-workload" || !!cost.entered || cost.basis.statements === "none";
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-12" data-testid="cost-page">
      <Card title="Estimated DSQL cost" className="min-w-0 lg:col-span-7">
        <CostSummary report={report} />
      </Card>
      <Card title="What if" className="min-w-0 lg:col-span-5">
        <CostWhatIf cost={(report.cost ?? null) as never} />
      </Card>
      {askWorkload && (
        <Card title="Workload (entered, not measured)" className="min-w-0 lg:col-span-12">
          <WorkloadForm
            assessmentId={id}
            entered={cost?.entered}
            partial={!!cost && !cost.entered && cost.status === "estimated"}
            storageGb={cost?.storageGbMonth.high}
            canEdit={atLeast(user.role, "member")}
          />
        </Card>
      )}
      <Card title="Connections" className="min-w-0 lg:col-span-12">
        <ConnectionsSection report={report} />
      </Card>
      <Card title="Hotspots" className="min-w-0 overflow-x-auto lg:col-span-12">
        <HotspotList report={report} />
      </Card>
    </div>
  );
}
