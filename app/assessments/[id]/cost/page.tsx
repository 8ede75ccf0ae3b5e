import { getReport } from "../../../../lib/store/assessments";
import { Card, Empty } from "../../../../components/ui";
import { CostSummary, HotspotList } from "../../../../components/sections";
import { CostWhatIf } from "../../../../components/what-if";
import { requirePageUser } from "../../../_lib/session";

export const dynamic = "force-dynamic";

export default async function CostPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser();
  const { id } = await params;
  const report = await getReport(id, ["rewrites", "manualWorkItems", "plan"]);
  if (!report) return <Empty title="No report stored" />;
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-12" data-testid="cost-page">
      <Card title="Estimated DSQL cost" className="min-w-0 lg:col-span-7">
        <CostSummary report={report} />
      </Card>
      <Card title="What if" className="min-w-0 lg:col-span-5">
        <CostWhatIf cost={(report.cost ?? null) as never} />
      </Card>
      <Card title="Hotspots" className="min-w-0 overflow-x-auto lg:col-span-12">
        <HotspotList report={report} />
      </Card>
    </div>
  );
}
