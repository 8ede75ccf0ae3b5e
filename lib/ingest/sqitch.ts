/**
 * sqitch deploys changes in the order its sqitch.plan lists them; change names carry no number, so file
 * name order is no guide. A folder (or zip) with a plan beside its deploy/ scripts is read in plan order.
 */

/** The deploy scripts a plan runs, in order: `deploy/<name>.sql`, or `deploy/<name>@<tag>.sql` for an
 * earlier version of a change reworked later in the plan. */
export function planScripts(plan: string): string[] {
  const entries: Array<{ change: string } | { tag: string }> = [];
  for (const raw of plan.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("%")) continue;
    const name = line.split(/\s+/)[0];
    if (name.startsWith("@")) entries.push({ tag: name.slice(1) });
    else entries.push({ change: name });
  }
  const scripts: string[] = [];
  entries.forEach((e, i) => {
    if (!("change" in e)) return;
    const reworkedLater = entries.slice(i + 1).some((x) => "change" in x && x.change === e.change);
    // A reworked change's earlier version lives in the script named after the first tag following it.
    const tag = reworkedLater ? entries.slice(i + 1).find((x): x is { tag: string } => "tag" in x)?.tag : undefined;
    scripts.push(`deploy/${e.change}${tag ? `@${tag}` : ""}.sql`);
  });
  return scripts;
}

/**
 * `files` (relative paths, in natural order) with the deploy scripts of each sqitch project among them
 * in plan order, ahead of everything else of that project; files no plan names keep their place after.
 */
export function inPlanOrder(files: string[], readPlan: (dir: string) => string | undefined): string[] {
  const projects = new Set<string>();
  for (const f of files) {
    const m = /^(.*\/)?deploy\/[^/]+\.sql$/.exec(f);
    if (m) projects.add(m[1] ?? "");
  }
  let ordered = files;
  for (const dir of projects) {
    const plan = readPlan(dir);
    if (plan === undefined) continue;
    const planned = planScripts(plan)
      .map((s) => dir + s)
      .filter((s) => ordered.includes(s));
    if (planned.length === 0) continue;
    const plannedSet = new Set(planned);
    const first = ordered.findIndex((f) => f.startsWith(dir));
    const before = ordered.slice(0, first).filter((f) => !plannedSet.has(f));
    const after = ordered.slice(first).filter((f) => !plannedSet.has(f));
    ordered = [...before, ...planned, ...after];
  }
  return ordered;
}
