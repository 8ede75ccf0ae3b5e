/**
 * Which schema differences the rewrite meant: each explained difference carries the rule behind it,
 * taken from the rewrite's own record (merged partitions, manual work items, key changes, emitted
 * statements). Whatever has no such record is unexplained, with the first script statement on it.
 */
import type { RewriteResult } from "./types";
import type { SchemaDifference, StatementFailure } from "./verify";

const qualified = (schema: string | undefined, name: string) => (name.includes(".") && !schema ? name : `${schema ?? "public"}.${name}`);

export function explainDifferences(
  diffs: SchemaDifference[],
  rw: RewriteResult,
  originalFailures: StatementFailure[] = [],
): { explained: SchemaDifference[]; unexplained: SchemaDifference[] } {
  const merged = new Map(Object.entries(rw.mergedPartitions));
  const mergedParents = new Set(merged.values());
  // Tables (and their parts) the rewrite left to manual work or kept out of the DDL on purpose.
  const manualTables = new Map<string, { rules: string[]; reason: string }>();
  for (const m of rw.manual) {
    const table =
      m.object.kind === "constraint" || m.object.kind === "trigger" || m.object.kind === "policy" || m.object.kind === "rule"
        ? qualified(m.object.schema, m.object.name.split(".")[0])
        : qualified(m.object.schema, m.object.name);
    if (!manualTables.has(table)) manualTables.set(table, { rules: m.ruleIds, reason: m.reason });
  }
  const legacy = new Map<string, string>();
  for (const k of rw.keyChanges) {
    if (k.legacyColumn) legacy.set(`${k.table}.${k.legacyColumn}`, `${k.table}.${k.column} switched to ${k.to}`);
    for (const f of k.remappedForeignKeys ?? [])
      legacy.set(`${f.table}.${f.legacyColumn}`, `${f.table}.${f.column} follows ${k.table}.${k.column} to uuid`);
  }
  // Columns that follow a uuid key: their foreign keys are added by remap/30_foreign_keys.sql after the remap.
  const remapped = new Set(rw.keyChanges.flatMap((k) => (k.remappedForeignKeys ?? []).map((f) => `${f.table}.${f.column}`)));
  const firstStatement = new Map<string, RewriteResult["statements"][number]>();
  for (const s of rw.statements) {
    const t = qualified(s.object.schema, s.object.name);
    if (!firstStatement.has(t)) firstStatement.set(t, s);
  }
  const removedTable = (t: string) =>
    merged.has(t) ? { rules: ["partitioned-table"], reason: `partition merged into ${merged.get(t)}` } : manualTables.get(t);

  const explained: SchemaDifference[] = [];
  const unexplained: SchemaDifference[] = [];
  for (const d of diffs) {
    const table = d.object.split(" ")[0].split(".").slice(0, 2).join(".");
    let why: { rules: string[]; reason: string } | undefined;
    switch (d.change) {
      case "table missing":
        why = removedTable(table);
        break;
      case "column added":
        if (legacy.has(d.object)) why = { rules: ["serial-type"], reason: `old key value kept for remapping (${legacy.get(d.object)})` };
        break;
      case "foreign key missing":
      case "foreign key changed": {
        const ref = /→ ([^(]+)\(/.exec(d.detail)?.[1];
        const gone = ref ? removedTable(ref) : undefined;
        why = gone ? { rules: gone.rules, reason: `references ${ref}: ${gone.reason}` } : manualTables.get(table);
        const cols =
          /\(([^)]*)\) →/
            .exec(d.detail)?.[1]
            .split(",")
            .map((c) => c.trim().replace(/^"|"$/g, "")) ?? [];
        if (!why && d.change === "foreign key missing" && cols.some((c) => remapped.has(`${table}.${c}`)))
          why = {
            rules: ["serial-type"],
            reason: "on a column that follows a uuid key: added after the key remap (remap/30_foreign_keys.sql)",
          };
        break;
      }
      case "table added": {
        // The input's CREATE failed on PostgreSQL (e.g. an extension type) and the rewritten one runs.
        const s = firstStatement.get(table);
        const failed = s?.source ? originalFailures.find((f) => f.where === `${s.source!.file}:${s.source!.line}`) : undefined;
        if (s && failed && s.rules.length)
          why = { rules: s.rules, reason: `the input's statement fails on PostgreSQL (${failed.error}); the rewritten one runs` };
        break;
      }
      case "foreign key added": {
        if (mergedParents.has(table))
          why = {
            rules: ["partitioned-table", "foreign-key-added-later"],
            reason: "foreign key moved from a merged partition to its parent",
          };
        // The input's ADD CONSTRAINT failed on PostgreSQL (its table did not load, as in a one-schema dump).
        const name = d.object.split(" ")[1];
        const failed =
          !why && name
            ? originalFailures.find((f) => new RegExp(`ADD CONSTRAINT "?${name.replace(/\W/g, "\\$&")}"? `).test(f.sql))
            : undefined;
        if (failed) why = { rules: [], reason: `the input's statement fails on PostgreSQL (${failed.error}); the rewritten one runs` };
        break;
      }
      default:
        why = manualTables.get(table);
    }
    // A key whose only source is a statement left to manual work (a DO block, a procedure) is that item's.
    const constraint = d.object.split(" ")[1];
    if (!why && constraint && / missing$/.test(d.change)) {
      const item = rw.manual.find((m) => m.original.includes(constraint));
      if (item)
        why = { rules: item.ruleIds, reason: `created by a statement left to manual work (${item.file}:${item.line}: ${item.reason})` };
    }
    if (why) explained.push({ ...d, rules: why.rules, reason: why.reason });
    else {
      const s = firstStatement.get(table);
      unexplained.push(s ? { ...d, statement: { seq: s.seq, line: s.source?.line, sql: s.sql.slice(0, 400) } } : d);
    }
  }
  return { explained, unexplained };
}
