/**
 * The key-remap scripts of a plan (uuid keys): where they come from and a download of remap/. The steps
 * themselves, with their copyable SQL and commands, are ordinary plan steps.
 */
import type { AssessmentReport } from "../lib/report/contract";
import { RemapDownload, type RemapFileView } from "./remap-download";

function remapFiles(report: AssessmentReport): RemapFileView[] {
  const plan = report.plan as { remap?: { files?: unknown } } | undefined;
  const files = Array.isArray(plan?.remap?.files) ? (plan!.remap!.files as Array<{ name?: unknown; content?: unknown }>) : [];
  return files
    .filter((f) => typeof f.name === "string" && typeof f.content === "string")
    .map((f) => ({ name: f.name as string, content: f.content as string }));
}

export function RemapScripts({ report }: { report: AssessmentReport }) {
  const files = remapFiles(report);
  if (!files.length) return null;
  return (
    <div className="mt-3 rounded-md border border-indigo-100 bg-indigo-50/40 p-3 text-sm" data-testid="remap-scripts">
      <p className="mb-2 text-slate-800">
        Scripts for this phase (the same <code className="font-mono">remap/</code> directory{" "}
        <code className="font-mono">dsql-preflight rewrite --key-strategy uuid</code> writes). Unzip next to where you run psql;{" "}
        <code className="font-mono">remap/all.sql</code> runs steps 10–30.
      </p>
      <RemapDownload files={files} />
    </div>
  );
}
