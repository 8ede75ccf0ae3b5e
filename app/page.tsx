import Link from "next/link";
import { z } from "zod";
import { listAssessments, SORT_KEYS, type SortKey } from "../lib/store/assessments";
import { Empty, formatDate, ReadinessBadge, StatusPill } from "../components/ui";
import { requirePageUser } from "./_lib/session";

export const dynamic = "force-dynamic";

const params = z.object({
  q: z.string().max(200).optional().catch(undefined),
  sort: z
    .enum(SORT_KEYS as [SortKey, ...SortKey[]])
    .optional()
    .catch(undefined),
  order: z.enum(["asc", "desc"]).optional().catch(undefined),
});

const SOURCE_LABEL: Record<string, string> = { upload: "Upload", paste: "Pasted SQL", connection: "Live connection", snapshot: "Snapshot" };

export default async function Home({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const sp = params.parse(await searchParams);
  const sort = sp.sort ?? "createdAt";
  const order = sp.order ?? (sort === "name" ? "asc" : "desc");
  const { total, items } = await listAssessments({ q: sp.q?.trim() || undefined, sort, order, limit: 200 });

  const header = (key: SortKey, label: string, align = "text-left") => {
    const active = sort === key;
    const next = active && order === "desc" ? "asc" : active ? "desc" : key === "name" ? "asc" : "desc";
    const qs = new URLSearchParams({ ...(sp.q ? { q: sp.q } : {}), sort: key, order: next });
    return (
      <th scope="col" className={`px-4 py-2 ${align}`} aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"}>
        <Link href={`/?${qs}`} className="inline-flex items-center gap-1 font-semibold text-slate-700 hover:text-indigo-700">
          {label}
          <span aria-hidden className="text-xs text-slate-500">
            {active ? (order === "asc" ? "▲" : "▼") : "↕"}
          </span>
        </Link>
      </th>
    );
  };

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Assessments</h1>
          <p className="text-sm text-slate-600">What it takes to move each PostgreSQL database to Aurora DSQL.</p>
        </div>
        <div className="flex w-full flex-wrap items-center gap-3 sm:w-auto">
          <form role="search" action="/" className="flex min-w-0 flex-1 gap-2 sm:flex-none">
            {sp.sort && <input type="hidden" name="sort" value={sp.sort} />}
            {sp.order && <input type="hidden" name="order" value={sp.order} />}
            <label htmlFor="q" className="sr-only">
              Search assessments
            </label>
            <input
              id="q"
              name="q"
              defaultValue={sp.q ?? ""}
              placeholder="Search name or source"
              className="w-full min-w-0 rounded-md border sm:w-64 border-slate-300 bg-white px-3 py-2 text-sm"
            />
            <button className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">Search</button>
          </form>
          {user.role !== "viewer" && (
            <Link href="/new" className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800">
              New assessment
            </Link>
          )}
        </div>
      </div>

      {items.length === 0 ? (
        <Empty title={sp.q ? `No assessment matches “${sp.q}”` : "No assessments yet"}>
          <Link href="/new" className="text-indigo-700 underline">
            Upload a schema or connect to a database
          </Link>{" "}
          to start.
        </Empty>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-sm" data-testid="assessments-table">
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                {header("name", "Name")}
                <th scope="col" className="hidden px-4 py-2 text-left font-semibold text-slate-700 md:table-cell">
                  Source
                </th>
                {header("createdAt", "Date", "hidden text-left md:table-cell")}
                <th scope="col" className="hidden px-4 py-2 text-left font-semibold text-slate-700 sm:table-cell">
                  Status
                </th>
                {header("readiness", "Readiness")}
                {header("blockers", "Blockers", "text-right")}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((a) => (
                <tr key={a.id} className="hover:bg-slate-50">
                  <td className="break-words px-4 py-2.5">
                    <Link href={`/assessments/${a.id}`} className="font-medium text-indigo-700 hover:underline">
                      {a.name}
                    </Link>
                  </td>
                  <td className="hidden max-w-md truncate px-4 py-2.5 text-slate-700 md:table-cell" title={a.sourceLabel}>
                    <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                      {SOURCE_LABEL[a.sourceKind] ?? a.sourceKind}
                    </span>
                    {a.sourceLabel}
                  </td>
                  <td className="hidden whitespace-nowrap px-4 py-2.5 text-slate-700 md:table-cell">{formatDate(a.createdAt)}</td>
                  <td className="hidden px-4 py-2.5 sm:table-cell">
                    <StatusPill status={a.status} />
                  </td>
                  <td className="px-4 py-2.5">
                    <ReadinessBadge score={a.readinessScore} band={a.readinessBand} />
                  </td>
                  <td className="px-4 py-2.5 text-right font-semibold tabular-nums" style={{ color: a.blockers ? "#b91c1c" : undefined }}>
                    {a.blockers ?? "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-600">
            {total} assessment{total === 1 ? "" : "s"}
          </p>
        </div>
      )}
    </div>
  );
}
