import { LATEST_CAPABILITY_DATE, CAPABILITIES } from "@/lib/rules/core/capabilities";
import { DASHBOARD_KEY_STRATEGY, KEY_STRATEGIES, KEY_STRATEGY_HELP, KEY_STRATEGY_LABEL } from "@/lib/report/vocabulary";

// The dashboard's default first: the form preselects the first choice.
const OFFERED = [DASHBOARD_KEY_STRATEGY, ...KEY_STRATEGIES.filter((k) => k !== DASHBOARD_KEY_STRATEGY)];
import { NewAssessmentForm } from "@/components/new-assessment";
import { requirePageUser } from "../_lib/session";

export const dynamic = "force-dynamic";

export const metadata = { title: "New assessment" };

export default async function NewAssessmentPage() {
  await requirePageUser("member");
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">New assessment</h1>
        <p className="text-sm text-slate-600">
          Upload schema files, paste SQL, connect to a source database, or upload an offline snapshot.
        </p>
      </div>
      <NewAssessmentForm
        latestDate={LATEST_CAPABILITY_DATE}
        earliestDate={CAPABILITIES.generalAvailability.since}
        keyStrategies={OFFERED.map((k) => ({ id: k, label: KEY_STRATEGY_LABEL[k], help: KEY_STRATEGY_HELP[k] }))}
      />
    </div>
  );
}
