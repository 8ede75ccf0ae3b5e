import Link from "next/link";
import { z } from "zod";
import { databaseAssessments, getAssessment, getReport, splittable } from "@/lib/store/assessments";
import { DatabaseSplit } from "@/components/database-split";
import { ruleDoc } from "@/lib/store/assessments";
import { Card, Empty } from "@/components/ui";
import { databasesOf, rewritesOf } from "@/lib/report/sections";
import { RewriteObjectList } from "@/components/rewrite-object-list";
import { figuresOf, headline } from "@/lib/report/figures";
import { hunksFor, SideBySide } from "@/components/side-by-side";
import { requirePageUser } from "@/app/_lib/session";
import { VerifyRewrite } from "@/components/verify-result";
import { EditCheckPanel } from "@/components/edit-check";
import { atLeast } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

const STATUS_STYLE: Record<string, string> = {
  rewritten: "bg-indigo-50 text-indigo-800 border-indigo-200",
  manual: "bg-red-50 text-red-800 border-red-200",
  removed: "bg-slate-100 text-slate-700 border-slate-300",
  added: "bg-emerald-50 text-emerald-800 border-emerald-200",
  unchanged: "bg-white text-slate-600 border-slate-200",
};

const sp = z.object({
  o: z.coerce.number().int().min(0).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  all: z.string().optional().catch(undefined),
});

export default async function RewritesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  const { id } = await params;
  const q = sp.parse(await searchParams);
  const report = await getReport(id);
  const rw = report ? rewritesOf(report) : undefined;
  if (report && !rw && typeof report.rewriteError === "string") {
    const databases = databasesOf(report);
    const a = databases.length > 1 ? await getAssessment(id) : null;
    return (
      <Empty title="Not rewritten">
        <span data-testid="rewrite-error">{report.rewriteError}</span> The checklist still lists every finding with how to fix it.
        {a && (
          <DatabaseSplit
            id={id}
            databases={databases}
            made={await databaseAssessments(id)}
            canSplit={atLeast(user.role, "member") && splittable(a)}
          />
        )}
      </Empty>
    );
  }
  if (!report || !rw) {
    return (
      <Empty title="No rewrites in this report">
        The rewrite stage produces DSQL-ready DDL with a per-object diff. This build or this assessment did not include it; the checklist
        lists every finding with how to fix it by hand.
      </Empty>
    );
  }
  const showAll = q.all === "1";
  const needle = q.q?.toLowerCase();
  const candidates = rw.objects.filter(
    (o) =>
      (showAll || o.status !== "unchanged") &&
      (!needle || o.label.toLowerCase().includes(needle) || o.rules.some((r) => r.includes(needle))),
  );
  const selected = rw.objects.find((o) => o.index === q.o) ?? candidates.find((o) => o.status === "rewritten") ?? candidates[0];
  const ruleTitles: Record<string, string> = {};
  for (const o of rw.objects) for (const r of o.rules) ruleTitles[r] ??= ruleDoc(r)?.title ?? r;
  const base = `/assessments/${id}/rewrites`;
  const fg = figuresOf(report);
  // A note the diff already shows beside its hunk is not repeated under it.
  const hunkReasons = new Set(selected?.hunks.flatMap((h) => h.reasons) ?? []);
  const notes = [...new Set(selected?.notes ?? [])].filter((n) => !hunkReasons.has(n));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="text-sm text-slate-700">
          <p data-testid="rewrite-figures">{headline(fg).rewrite}</p>
          {headline(fg).cleanup && <p data-testid="rewrite-cleanup">{headline(fg).cleanup}</p>}
        </div>
        <div className="flex gap-2 text-sm">
          <a
            className="rounded-md bg-indigo-700 px-3 py-1.5 font-semibold text-white hover:bg-indigo-800"
            href={`/api/assessments/${id}/rewrites?format=sql`}
            data-testid="download-ddl"
          >
            Download DDL
          </a>
          <a
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50"
            href={`/api/assessments/${id}/rewrites?format=patch`}
            data-testid="download-patch"
          >
            Download patch
          </a>
        </div>
      </div>
      <VerifyRewrite id={id} canStart={atLeast(user.role, "member")} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[340px_1fr]">
        <nav aria-label="Objects" className="space-y-2">
          <RewriteObjectList
            objects={rw.objects.map((o) => ({ index: o.index, kind: o.kind, label: o.label, status: o.status, rules: o.rules }))}
            selected={selected?.index}
            base={base}
            initialQuery={q.q ?? ""}
            showAll={showAll}
          />
          <Link
            href={`${base}?${new URLSearchParams({ ...(q.q ? { q: q.q } : {}), ...(showAll ? {} : { all: "1" }) })}`}
            className="text-xs text-indigo-700 hover:underline"
          >
            {showAll ? "Hide unchanged objects" : "Show unchanged objects too"}
          </Link>
        </nav>
        <div className="min-w-0">
          {selected ? (
            <Card>
              <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
                <h2 className="text-base font-semibold text-slate-900" data-testid="rewrite-title">
                  <span className="mr-1 text-sm font-normal text-slate-600">{selected.kind}</span>
                  <span className="font-mono">{selected.label}</span>
                  <span
                    className={`ml-2 rounded border px-1.5 text-xs font-normal ${STATUS_STYLE[selected.status] ?? STATUS_STYLE.unchanged}`}
                  >
                    {selected.status}
                  </span>
                </h2>
                <div className="flex flex-wrap gap-1">
                  {selected.rules.map((r) => (
                    <span
                      key={r}
                      className="rounded-full border border-indigo-200 bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-800"
                      title={ruleTitles[r]}
                    >
                      {r}
                    </span>
                  ))}
                </div>
              </div>
              <div className="mb-2 grid grid-cols-2 gap-4 text-xs font-semibold uppercase tracking-wide text-slate-600">
                <span>PostgreSQL (original)</span>
                <span>DSQL (rewritten)</span>
              </div>
              <SideBySide hunks={hunksFor(selected.original, selected.rewritten, selected.hunks)} ruleTitles={ruleTitles} />
              {notes.length > 0 && (
                <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-800">
                  {notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              )}
              {/* A manual or removed object has no DSQL text yet: the person starts from the original. */}
              <EditCheckPanel
                key={selected.index}
                id={id}
                object={selected.index}
                initial={selected.rewritten || selected.original}
                open={selected.status === "manual"}
              />
            </Card>
          ) : (
            <Empty title="Nothing to rewrite">
              {rw.manual.length > 0
                ? "No object in the script needed a change; the manual work below is kept out of it."
                : "Every object is already DSQL-compatible."}
            </Empty>
          )}
          {rw.manual.length > 0 && (
            <details
              id="manual-work"
              className="mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
              open={rw.manual.some((m) => m.rules.includes("parse-error")) || undefined}
            >
              <summary className="cursor-pointer text-sm font-semibold uppercase tracking-wide text-slate-600">
                Manual work ({rw.manual.length}): kept out of the DSQL script
              </summary>
              <ul className="mt-3 divide-y divide-slate-100 text-sm">
                {rw.manual.slice(0, 100).map((m, i) => (
                  <li key={i} className="py-2">
                    <p className="font-medium text-slate-900">
                      {m.label} <span className="font-mono text-xs text-slate-600">{m.rules.join(", ")}</span>
                    </p>
                    <p className="text-slate-800">{m.reason}</p>
                    {m.suggestion && <p className="text-slate-700">→ {m.suggestion}</p>}
                    {/* A statement that did not parse has no object to open: its editor is here. */}
                    {m.rules.includes("parse-error") && <EditCheckPanel id={id} initial={m.original} />}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      </div>
    </div>
  );
}
