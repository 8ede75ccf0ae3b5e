"use client";
/**
 * Root-cause rows of the checklist grouped by rule: findings of one rule that share a `problemId` (an
 * enum and its column uses, an index's ASYNC and USING findings) show as one row with its instances
 * listed under it. Rows are formed from the page's findings; a root cause with instances on other pages
 * says so.
 */
import type { ReactNode } from "react";
import type { Item } from "./checklist-types";

/** A page's findings of one rule group, in page order, with those sharing a root cause gathered together. */
export type Unit = { kind: "finding"; item: Item } | { kind: "problem"; problemId: string; items: Item[]; total: number };

export function problemUnits(items: Item[]): Unit[] {
  const units: Unit[] = [];
  const byProblem = new Map<string, Extract<Unit, { kind: "problem" }>>();
  for (const f of items) {
    const total = f.problemTotal ?? 1;
    if (!f.problemId || total < 2) {
      units.push({ kind: "finding", item: f });
      continue;
    }
    const key = `${f.groupKey ?? ""} ${f.problemId}`;
    const u = byProblem.get(key);
    if (u) u.items.push(f);
    else {
      const n = { kind: "problem" as const, problemId: f.problemId, items: [f], total };
      byProblem.set(key, n);
      units.push(n);
    }
  }
  return units;
}

/** The object a root cause is about: from its key (`[rule:]kind:schema.name`), else its first instance's object. */
export function problemTitle(problemId: string, first: Item): string {
  const m = /^(?:[a-z-]+:)?([a-z _]+):(.+)$/.exec(problemId);
  if (m) return `${m[1]} ${m[2]!.replace(/^\./, "")}`;
  const o = first.object;
  return `${o.kind} ${o.schema ? `${o.schema}.` : ""}${o.name}`;
}

export function ProblemRow({
  problemId,
  items,
  total,
  needsPerson,
  collapsed,
  onToggle,
  children,
}: {
  problemId: string;
  items: Item[];
  total: number;
  /** The rule group has findings needing a person; instances the rewrite cannot fix are then this problem's share. */
  needsPerson: boolean;
  collapsed: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  const manual = needsPerson && items.some((f) => f.fix !== "auto" && f.severity !== "advice");
  return (
    <li className="rounded-md border border-slate-300 bg-slate-50" data-testid="problem" data-problem={problemId} data-instances={total}>
      <button
        type="button"
        aria-expanded={!collapsed}
        onClick={onToggle}
        className="flex w-full flex-wrap items-baseline gap-2 px-3 py-2 text-left text-sm hover:bg-slate-100"
      >
        <span aria-hidden className="w-3 text-slate-600">
          {collapsed ? "▸" : "▾"}
        </span>
        <span className="font-medium text-slate-900">{problemTitle(problemId, items[0]!)}</span>
        <span className="rounded-full bg-slate-200 px-2 text-xs font-medium text-slate-700" data-testid="problem-count">
          {total} instances
        </span>
        {manual && <span className="rounded-full bg-red-50 px-2 text-xs font-medium text-red-800">needs a person</span>}
        {items.length < total && (
          <span className="text-xs text-slate-600" data-testid="problem-spans">
            {items.length} of {total} on this page; the rest are on other pages
          </span>
        )}
      </button>
      {!collapsed && (
        <ol className="space-y-2 px-3 pb-3" aria-label={`Instances of ${problemTitle(problemId, items[0]!)}`}>
          {children}
        </ol>
      )}
    </li>
  );
}
