/**
 * The plan's key-remapping phase and its verification steps: each step names its script in `remap/`,
 * the command that runs it and the figures a correct run shows.
 */
import type { PlanPhase, PlanStep } from "../plan/plan";
import type { RewriteResult } from "../rewrite/types";
import { quoteLiteral } from "../rewrite/tokens";
import type { RemapBundle } from "./scripts";

const script = (b: RemapBundle, file: string) => b.files.find((f) => f.name === file)?.content;

export function remapPhase(b: RemapBundle): PlanPhase {
  const steps: PlanStep[] = b.steps
    .filter((s) => s.on === "dsql" && !s.optional)
    .map((s) => ({
      title: `${s.title} (remap/${s.file})`,
      purpose: s.purpose,
      command: s.command,
      sql: script(b, s.file),
      verify: s.expect,
      resolves: [],
    }));
  steps.unshift({
    title: "What the remap does",
    purpose: `${b.keys.length} key(s) switched to uuid: ${b.keys.map((k) => `${k.table}.${k.column} (old values in ${k.oldColumn})`).join(", ")}. ${b.jobs.length} child column(s) follow them, each loaded with its old value in its old_* column${b.jobs.some((j) => j.placeholder) ? " (NOT NULL ones hold a random placeholder uuid until the remap)" : ""}. Their ${b.foreignKeys.length} foreign key(s) are left out of schema.dsql.sql and added by remap/30_foreign_keys.sql once every child points at its parent's new key. Run the steps below after the data load and the schema script's indexes; remap/all.sql runs 10–30 in one go. Batches: ≤ ${b.batchRows} rows per transaction (--remap-batch-rows to change).${b.notes.length ? ` Review: ${b.notes.join("; ")}.` : ""}`,
    command: `psql "$DSQL_URL" -X -v ON_ERROR_STOP=1 -f remap/all.sql`,
    verify: "every remap step below reports done",
    resolves: [],
  });
  const cleanup = b.steps.find((s) => s.optional);
  if (cleanup)
    steps.push({
      title: `${cleanup.title} (remap/${cleanup.file})`,
      purpose: cleanup.purpose,
      command: cleanup.command,
      sql: script(b, cleanup.file),
      verify: cleanup.expect,
      resolves: [],
    });
  return {
    id: "remap",
    title: "5. Key remapping (uuid keys)",
    steps,
    effortHours: { low: 0.5 + 0.1 * b.jobs.length, high: 2 + 0.5 * b.jobs.length },
  };
}

/** Expected row counts when the inputs carry the data (INSERT … VALUES), summed per table. */
function expectedRows(rw: RewriteResult): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of rw.data) if (d.table && /^\s*INSERT\b/i.test(d.sql)) m.set(d.table, (m.get(d.table) ?? 0) + d.rows);
  return m;
}

export function verificationSteps(b: RemapBundle, rw: RewriteResult): PlanStep[] {
  const step = b.steps.find((s) => s.file === "40_verify_source.sql")!;
  const rows = expectedRows(rw);
  const expected = rows.size
    ? ` Expected row counts from the inputs' INSERTs: ${[...rows].map(([t, n]) => `${t} ${n.toLocaleString("en-US")}`).join(", ")}.`
    : " The expected figures are the source's: verify_source.txt is the reference the DSQL side must reproduce line for line.";
  return [
    {
      title: `${step.title} (remap/40_verify_source.sql, remap/41_verify_dsql.sql)`,
      purpose: step.purpose + expected,
      command: step.command,
      sql: script(b, "41_verify_dsql.sql"),
      verify: step.expect,
      resolves: [],
    },
    {
      title: "Every uuid key is unique",
      purpose:
        "Each switched key is its table's primary key, so DSQL enforces uniqueness on every insert (gen_random_uuid() collisions would be rejected, not stored); this catalog query shows the constraint is in place. The orphan lines of the verification above show that every remapped column resolves.",
      sql: uniquenessSql(b),
      verify: `${b.keys.length} rows, one per switched key, each naming its primary key constraint`,
      resolves: [],
    },
  ];
}

function uniquenessSql(b: RemapBundle): string {
  const pairs = b.keys.map(
    (k) =>
      `(${quoteLiteral(k.table.slice(0, k.table.indexOf(".")))}, ${quoteLiteral(k.table.slice(k.table.indexOf(".") + 1))}, ${quoteLiteral(k.column)})`,
  );
  return [
    "SELECT n.nspname || '.' || c.relname AS table_name, a.attname AS key_column, k.conname AS primary_key",
    `FROM (VALUES ${pairs.join(",\n             ")}) AS u(schema_name, table_name, column_name)`,
    "JOIN pg_namespace n ON n.nspname = u.schema_name",
    "JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = u.table_name",
    "JOIN pg_constraint k ON k.conrelid = c.oid AND k.contype = 'p'",
    "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (k.conkey) AND a.attname = u.column_name",
    "ORDER BY 1;",
  ].join("\n");
}
