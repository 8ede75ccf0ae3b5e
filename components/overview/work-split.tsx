/**
 * The Overview's two answers after readiness: what the rewrite fixes (a count, no effort) and what needs
 * a person (problems grouped by rule, most effort first, each linking to its checklist group).
 */
import Link from "next/link";
import { FIGURE_LABEL, hours, n, type ReportFigures } from "@/lib/report/figures";
import { SEVERITY_COLOR } from "@/lib/report/vocabulary";

export function FixedByRewrite({ figures: fg, base }: { figures: ReportFigures; base: string }) {
  return (
    <div data-testid="fixed-by-rewrite">
      <p className="text-4xl font-bold tabular-nums text-emerald-800" data-testid="fixed-count">
        {n(fg.fixedByRewrite)}
      </p>
      <p className="mt-1 text-sm text-slate-700">findings the DSQL rewrite resolves mechanically: review the diff, no further work.</p>
      {fg.dsqlStatements !== undefined && fg.objects && (
        <p className="mt-3 text-sm text-slate-700" data-testid="rewrite-figures">
          <Link href={`${base}/rewrites`} className="font-medium text-indigo-800 hover:underline">
            {n(fg.objects.rewritten)} {FIGURE_LABEL.objectsRewritten}
          </Link>{" "}
          · {n(fg.dsqlStatements)} {FIGURE_LABEL.dsqlStatements} from {n(fg.sourceStatements)} {FIGURE_LABEL.sourceStatements}
        </p>
      )}
      {fg.adviceOnly > 0 && (
        <p className="mt-2 text-xs text-slate-600">
          <Link href={`${base}/checklist?severity=advice`} className="hover:underline">
            {n(fg.adviceOnly)} advice findings
          </Link>{" "}
          need no change.
        </p>
      )}
    </div>
  );
}

export function NeedsPerson({ figures: fg, base, limit = 8 }: { figures: ReportFigures; base: string; limit?: number }) {
  const groups = fg.problemGroups.slice(0, limit);
  return (
    <div data-testid="needs-person">
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="text-4xl font-bold tabular-nums text-red-800" data-testid="problem-count">
          {n(fg.needsPerson.problems)}
        </span>
        <span className="text-sm text-slate-700">
          {FIGURE_LABEL.problems} ({n(fg.needsPerson.findings)} findings), by root cause, most effort first
        </span>
      </p>
      {groups.length === 0 ? (
        <p className="mt-3 text-sm text-slate-700">Nothing: every blocker and warning is fixed by the rewrite.</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-100" data-testid="problem-groups">
          {groups.map((g) => (
            <li key={g.ruleId} className="flex items-start gap-3 py-2">
              <span
                className="mt-1.5 inline-block h-2.5 w-2.5 shrink-0 rounded-full"
                style={{ background: SEVERITY_COLOR[g.severity].fg }}
                aria-hidden
              />
              <div className="min-w-0 flex-1">
                <Link
                  href={`${base}/checklist?rule=${encodeURIComponent(g.ruleId)}&group=object`}
                  className="font-medium text-indigo-800 hover:underline"
                >
                  {g.title}
                </Link>
                <span className="ml-2 text-sm text-slate-700">
                  {g.problems === 1 ? "1 problem" : `${n(g.problems)} problems`}
                  {g.findings > g.problems ? ` · ${n(g.findings)} findings` : ""}
                </span>
                <p className="truncate font-mono text-xs text-slate-600" title={g.objects.join(", ")}>
                  {g.objects.join(", ")}
                  {g.problems > g.objects.length ? ", …" : ""}
                </p>
              </div>
              <span className="shrink-0 text-sm font-semibold tabular-nums text-slate-900">{hours(g.hours)}</span>
            </li>
          ))}
        </ol>
      )}
      {fg.problemGroups.length > groups.length && (
        <p className="mt-2 text-sm">
          <Link href={`${base}/checklist?group=rule`} className="text-indigo-800 hover:underline">
            {n(fg.problemGroups.length - groups.length)} more kinds of problem in the checklist →
          </Link>
        </p>
      )}
    </div>
  );
}
