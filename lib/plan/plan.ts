/**
 * The migration plan, derived from the rewrite and the findings: ordered phases whose steps each say why,
 * what to run, how to verify it and which findings they resolve, plus an effort roll-up.
 */
import { key, primaryKey, type SchemaModel, type TableModel } from "../model/schema";
import { EFFORT_HOURS, type Finding } from "../rules/core/rule";
import { qualifiedIdent, quoteIdent } from "../rewrite/tokens";
import type { RewriteResult } from "../rewrite/types";
import { buildRemapBundle, type RemapBundle } from "../remap/scripts";
import { remapPhase, verificationSteps } from "../remap/plan-steps";
import type { RemapOptions } from "../remap/model";

export interface PlanStep {
  title: string;
  purpose: string;
  sql?: string;
  command?: string;
  verify: string;
  /** Rule ids of the findings this step resolves. */
  resolves: string[];
}

export interface PlanPhase {
  id: string;
  title: string;
  steps: PlanStep[];
  effortHours: { low: number; high: number };
}

export interface TableLoad {
  table: string;
  order: number;
  rowBytes: number;
  rowBytesSource: "declared" | "measured";
  batchRows: number;
  exportQuery: string;
  notes: string[];
  /** Target columns of the load when they differ from the table's (old_* columns of uuid keys). */
  columns?: string[];
}

export interface MigrationPlan {
  phases: PlanPhase[];
  loads: TableLoad[];
  effort: {
    total: { low: number; high: number };
    byPhase: Record<string, { low: number; high: number }>;
    byCategory: Record<string, { low: number; high: number }>;
    formula: string;
  };
  /** The `remap/` scripts, when keys switch to uuid. */
  remap?: RemapBundle;
}

const MAX_ROWS = 3000;
const MAX_BYTES = 10 * 1024 * 1024;
/** Keep a margin under the 10 MiB limit: DSQL counts index entries and per-row overhead too. */
const BYTE_BUDGET = 8 * 1024 * 1024;
const CHECKSUM_CHUNK_ROWS = 100_000;

/** Declared width of a column in bytes (unbounded types get a working guess). */
function columnBytes(type: string, mods: number[]): number {
  switch (type) {
    case "int2":
    case "smallint":
      return 2;
    case "int4":
    case "integer":
    case "int":
    case "date":
    case "float4":
    case "real":
      return 4;
    case "int8":
    case "bigint":
    case "float8":
    case "timestamp":
    case "timestamptz":
    case "time":
    case "money":
      return 8;
    case "bool":
    case "boolean":
      return 1;
    case "uuid":
    case "interval":
      return 16;
    case "numeric":
    case "decimal":
      return mods[0] ? Math.ceil(mods[0] / 2) + 8 : 16;
    case "varchar":
    case "bpchar":
    case "char":
    case "character":
      return (mods[0] ?? 256) + 4;
    case "jsonb":
    case "json":
    case "bytea":
    case "xml":
      return 2048;
    default:
      return 256;
  }
}

export function rowBytes(t: TableModel): { bytes: number; source: "declared" | "measured" } {
  if (t.stats?.avgRowBytes) return { bytes: t.stats.avgRowBytes, source: "measured" };
  return {
    bytes: 32 + t.columns.reduce((a, c) => a + (c.type.arrayDims ? 2048 : columnBytes(c.type.name, c.type.mods)), 0),
    source: "declared",
  };
}

/** Parents before children (foreign keys are enforced during the load); cycles are broken and noted. */
function loadOrder(model: SchemaModel, tables: TableModel[], merged: Record<string, string>): { order: TableModel[]; cycles: string[] } {
  const keys = new Set(tables.map(key));
  const deps = new Map<string, Set<string>>();
  for (const t of tables) {
    const d = new Set<string>();
    for (const c of t.constraints)
      if (c.kind === "foreign-key" && c.references) {
        const ref = merged[key(c.references.table)] ?? key(c.references.table);
        if (ref !== key(t) && keys.has(ref)) d.add(ref);
      }
    deps.set(key(t), d);
  }
  const order: TableModel[] = [];
  const state = new Map<string, number>();
  const cycles: string[] = [];
  const visit = (k: string) => {
    if (state.get(k) === 2) return;
    if (state.get(k) === 1) {
      cycles.push(k);
      return;
    }
    state.set(k, 1);
    for (const d of deps.get(k) ?? []) visit(d);
    state.set(k, 2);
    order.push(model.tables.get(k)!);
  };
  for (const t of tables) visit(key(t));
  return { order, cycles };
}

/** Rules the rewrite applied mechanically (even if the rule calls itself manual): reviewed once per rule. */
let mechanical = new Set<string>();

function sum(findings: Finding[]): { low: number; high: number } {
  let low = 0;
  let high = 0;
  const auto = new Set<string>();
  for (const f of findings) {
    if (f.severity === "advice") continue;
    if (f.fix === "auto" || mechanical.has(f.ruleId)) {
      if (auto.has(f.ruleId)) continue;
      auto.add(f.ruleId);
    }
    low += EFFORT_HOURS[f.effort].low;
    high += EFFORT_HOURS[f.effort].high;
  }
  return { low, high };
}

const APP_CATEGORIES = new Set(["procedural-code", "transactions-and-locking", "security-and-roles", "workload", "views"]);

export interface PlanContext {
  /** Pool settings per application, from the live source's connection audit. */
  poolSteps?: PlanStep[];
  /** Batch sizes of the key remap scripts (uuid keys). */
  remap?: RemapOptions;
  /** Outcome of `rewrite --verify` (schema equivalence on PostgreSQL), when it ran. */
  verification?: { ok: boolean; explained: number; unexplained: number; failures: number; server: string };
}

/** The schema step points at the equivalence check of the script against the inputs. */
function schemaVerification(v: PlanContext["verification"]): string {
  if (!v)
    return 'Before running: "Verify the rewrite" on the Rewrites page, or `dsql-preflight rewrite … --verify` (verify.json), proves the script keeps the inputs\' tables, columns and keys.';
  if (v.ok)
    return `Verified on ${v.server} (verify.json): same tables, columns and keys as the inputs apart from ${v.explained} intended difference(s), each with its rule.`;
  return `Verification FAILED on ${v.server} (verify.json): ${v.unexplained} unexplained difference(s), ${v.failures} failed statement(s) — fix these before running the script.`;
}

export function buildPlan(rw: RewriteResult, ctx: PlanContext = {}): MigrationPlan {
  const remap = buildRemapBundle(rw, ctx.remap);
  const manualRules = new Set(rw.manual.flatMap((m) => m.ruleIds));
  mechanical = new Set(
    [...rw.statements.flatMap((s) => s.rules), ...rw.dropped.flatMap((d) => d.rules)].filter((r) => !manualRules.has(r)),
  );
  const model = rw.analysis.model;
  const findings = rw.analysis.findings;
  const ids = (pred: (f: Finding) => boolean) => [...new Set(findings.filter(pred).map((f) => f.ruleId))];
  const tables = [...model.tables.values()].filter((t) => !rw.mergedPartitions[key(t)] && t.persistence !== "temporary" && !t.foreign);
  const { order, cycles } = loadOrder(model, tables, rw.mergedPartitions);
  const typeChangesBy = new Map<string, RewriteResult["typeChanges"]>();
  for (const tc of rw.typeChanges) typeChangesBy.set(tc.table, [...(typeChangesBy.get(tc.table) ?? []), tc]);
  const partitionsOf = new Map<string, string[]>();
  for (const [child, parent] of Object.entries(rw.mergedPartitions)) partitionsOf.set(parent, [...(partitionsOf.get(parent) ?? []), child]);

  // ---- 3. data load per table
  const loads: TableLoad[] = order.map((t, i) => {
    const rb = rowBytes(t);
    const batch = Math.max(1, Math.min(MAX_ROWS, Math.floor(BYTE_BUDGET / rb.bytes)));
    const notes: string[] = [];
    const tk = key(t);
    const cols = t.columns.filter((c) => !c.generated);
    const exprs = cols.map((c) => {
      const tc = typeChangesBy.get(tk)?.find((x) => x.column === c.name);
      const id = quoteIdent(c.name);
      if (!tc) return id;
      if (tc.to === "jsonb" && c.type.arrayDims) return `to_jsonb(${id}) AS ${id}`;
      if (tc.to === "jsonb") return `to_jsonb(${id}) AS ${id}`;
      return `${id}::${tc.to} AS ${id}`;
    });
    const kc = rw.keyChanges.filter((k) => k.table === tk);
    // Columns that switched to uuid load their old values into old_* columns; DSQL fills the uuids.
    const renames = new Map<string, string>();
    for (const k of rw.keyChanges) {
      if (k.strategy !== "uuid" || !k.legacyColumn) continue;
      if (k.table === tk) renames.set(k.column, k.legacyColumn);
      for (const r of k.remappedForeignKeys ?? []) if (r.table === tk) renames.set(r.column, r.legacyColumn);
    }
    const renamed = cols.map((c, i) => (renames.has(c.name) ? `${quoteIdent(c.name)} AS ${quoteIdent(renames.get(c.name)!)}` : exprs[i]));
    let select = `SELECT ${renamed.join(", ")} FROM ${qualifiedIdent(t.schema, t.name)}`;
    const target = renames.size ? cols.map((c) => quoteIdent(renames.get(c.name) ?? c.name)) : undefined;
    if (renames.size)
      notes.push(
        `${[...renames].map(([a, b]) => `${a} → ${b}`).join(", ")}: the old values load as they are; DSQL generates the new uuid keys and the remap phase fills the uuid columns.`,
      );
    for (const k of kc) {
      if (k.strategy === "uuid") {
        continue;
      } else if (k.strategy === "identity") {
        notes.push(
          `${k.column} is an identity column (BY DEFAULT): load the source values as they are, then move the identity past them: SELECT setval(pg_get_serial_sequence('${t.schema}.${t.name}', '${k.column}'), (SELECT max(${quoteIdent(k.column)}) FROM ${qualifiedIdent(t.schema, t.name)}));`,
        );
      } else if (k.sequence)
        notes.push(
          `after the load: SELECT setval('${k.sequence}', (SELECT max(${quoteIdent(k.column)}) FROM ${qualifiedIdent(t.schema, t.name)}));`,
        );
    }
    if (partitionsOf.has(tk))
      notes.push(
        `partitioned on the source: the export reads the parent, which returns the rows of all ${partitionsOf.get(tk)!.length} partitions`,
      );
    const pk = primaryKey(t);
    if (pk) select += ` ORDER BY ${pk.columns.map(quoteIdent).join(", ")}`;
    if (typeChangesBy.has(tk))
      notes.push(
        `type changes: ${typeChangesBy
          .get(tk)!
          .map((x) => `${x.column} ${x.from} → ${x.to}`)
          .join("; ")}`,
      );
    if (cycles.includes(tk))
      notes.push(
        "part of a foreign-key cycle: load it with the cycle's foreign keys added after the load (or load the cycle in one pass with deferred checks on the source side)",
      );
    return {
      table: tk,
      order: i + 1,
      rowBytes: rb.bytes,
      rowBytesSource: rb.source,
      batchRows: batch,
      exportQuery: select,
      notes,
      ...(target ? { columns: target } : {}),
    };
  });

  const phases: PlanPhase[] = [];
  const roleSql = rw.roles
    .map((r) => `CREATE ROLE ${quoteIdent(r)} WITH LOGIN;\nAWS IAM GRANT ${quoteIdent(r)} TO 'arn:aws:iam::<account>:role/<app-role>';`)
    .join("\n");
  phases.push({
    id: "prerequisites",
    title: "1. Prerequisites",
    effortHours: { low: 1, high: 3 },
    steps: [
      {
        title: "Create the cluster",
        purpose: "A DSQL cluster has one database (postgres) and scales to zero when idle.",
        command: "aws dsql create-cluster --region <region> --deletion-protection-enabled",
        verify: "aws dsql get-cluster --identifier <id> shows status ACTIVE",
        resolves: ids((f) => f.ruleId === "create-database"),
      },
      {
        title: "Connect with IAM auth tokens",
        purpose:
          "DSQL has no passwords: clients sign a token (15 min default expiry; an open connection outlives it). Connections are closed after 60 minutes, so pools must recycle them earlier (maxLifetime ≈ 50 min) and mint a fresh token per new connection.",
        command:
          'export PGPASSWORD=$(aws dsql generate-db-connect-admin-auth-token --hostname <endpoint> --region <region> --expires-in 3600)\npsql "host=<endpoint> dbname=postgres user=admin sslmode=require"',
        verify: "SELECT 1 succeeds; a second connection after 15 minutes mints a new token",
        resolves: ids((f) => f.ruleId === "role-attributes"),
      },
      ...(rw.roles.length
        ? [
            {
              title: "Create roles and map them to IAM",
              purpose: `The script grants to ${rw.roles.length} role(s); they must exist first.`,
              sql: roleSql,
              verify: "SELECT rolname FROM pg_roles lists every role",
              resolves: [],
            },
          ]
        : []),
      {
        title: "Use a driver or connector that retries on 40001",
        purpose:
          "DSQL uses optimistic concurrency: conflicts surface at COMMIT as SQLSTATE 40001 (OC000 data conflict, OC001 schema changed by another transaction — also right after each DDL of this migration). Retry the whole transaction with backoff; the AWS DSQL connectors for JDBC/psycopg/node-postgres handle tokens and retries.",
        verify: "a test forcing two concurrent updates of one row sees one retry and two successful commits",
        resolves: [],
      },
    ],
  });
  const autoRules = ids((f) => f.fix === "auto");
  // A statement that did not parse is schema work: it is missing from the script until a person fixes it.
  const unparsed = rw.manual.filter((m) => m.ruleIds[0] === "parse-error");
  phases.push({
    id: "schema",
    title: "2. Schema",
    effortHours: { low: 0, high: 0 },
    steps: [
      {
        title: "Review the rewrites",
        purpose: `${rw.objects.filter((o) => o.status === "rewritten").length} objects were rewritten, ${rw.manual.length} left as manual work items; read changes.patch hunk by hunk (each names the rules behind it). Behaviour changes to accept: ${rw.typeChanges.length} column type mappings, ${rw.keyChanges.length} key strategy changes.`,
        verify: "every hunk in changes.patch is accepted or adjusted",
        resolves: autoRules,
      },
      ...(unparsed.length
        ? [
            {
              title: `Correct the ${unparsed.length} statement(s) that did not parse`,
              purpose: `They are not in schema.dsql.sql. ${unparsed
                .slice(0, 8)
                .map((m) => `${m.file}:${m.line}: ${m.reason}`)
                .join("; ")}${unparsed.length > 8 ? "; …" : ""}. Correct each, then add its DSQL form to the script before running it.`,
              sql: unparsed
                .slice(0, 2)
                .map((m) => m.original)
                .join("\n\n"),
              verify:
                "the corrected statements check clean (Edit and check on the Rewrites page, or dsql-preflight analyze) and are in the script",
              resolves: ["parse-error"],
            },
          ]
        : []),
      {
        title: "Create the schema",
        purpose:
          "Schemas → domains → sequences → tables → constraints (NOT VALID) → views and SQL functions, one DDL per transaction (psql autocommit). Stop at the data-load marker.",
        command: 'psql "$DSQL_URL" -v ON_ERROR_STOP=1 -f schema.dsql.sql   # or run steps/ in order with your migration tool',
        verify: `${schemaVerification(ctx.verification)} On the cluster: SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog','information_schema','sys') matches the table count in plan.json`,
        resolves: ids((f) => f.ruleId === "multiple-ddl-in-transaction" || f.ruleId === "ddl-mixed-with-dml"),
      },
    ],
  });
  const loadSteps: PlanStep[] = loads.map((l) => ({
    title: `Load ${l.table}`,
    purpose: `Batches of ${l.batchRows} rows per transaction (≤ ${MAX_ROWS} rows and ≤ 10 MiB: ${l.rowBytes} bytes per row from ${l.rowBytesSource} widths, with headroom for index entries).${l.notes.length ? ` ${l.notes.join(" ")}` : ""}`,
    command: `psql "$SOURCE_URL" -c "\\copy (${l.exportQuery}) TO '${l.table}.csv' WITH (FORMAT csv)"\nsplit -l ${l.batchRows} -d '${l.table}.csv' '${l.table}.part.'\nfor f in '${l.table}'.part.*; do psql "$DSQL_URL" -v ON_ERROR_STOP=1 -c "\\copy ${l.table}${l.columns ? ` (${l.columns.join(", ")})` : ""} FROM '$f' WITH (FORMAT csv)"; done`,
    verify: `SELECT count(*) FROM ${l.table} on both sides (verification phase). split -l assumes one row per line: for CSV values with embedded newlines use the Aurora DSQL loader or a record-aware splitter`,
    resolves: [],
  }));
  if (rw.data.length) {
    loadSteps.unshift({
      title: "Data statements found in the inputs",
      purpose: `${rw.data.length} data statement(s) (INSERT/COPY/UPDATE/DELETE; ${rw.data.reduce((a, d) => a + d.rows, 0)} VALUES or COPY rows) were moved out of the schema script into data.dsql.sql, split into transactions of at most ${MAX_ROWS} rows (INSERTs and COPYs alone load parent tables first).`,
      command: 'psql "$DSQL_URL" -v ON_ERROR_STOP=1 -f data.dsql.sql',
      verify: "row counts match the VALUES or COPY rows listed in plan.json",
      resolves: ids((f) => f.ruleId === "ddl-mixed-with-dml"),
    });
  }
  phases.push({
    id: "data",
    title: "3. Data load (parents before children: foreign keys are enforced for new rows)",
    steps: loadSteps,
    effortHours: { low: 0.25 * loads.length, high: 1 * loads.length },
  });
  const idx = rw.statements.filter((s) => s.asyncJob === "index").length;
  const val = rw.statements.filter((s) => s.asyncJob === "validate").length;
  phases.push({
    id: "indexes",
    title: "4. Asynchronous indexes and constraint validation",
    effortHours: { low: 0.5, high: 2 },
    steps: [
      {
        title: `Build ${idx} indexes`,
        purpose:
          "CREATE INDEX ASYNC returns a job id; the script waits for each job (CALL sys.wait_for_job) before the next, so failures surface where they happen. Building after the load is faster than maintaining indexes during it.",
        command: "continue schema.dsql.sql after the data-load marker (or the steps/ files from the data marker on)",
        verify: "SELECT * FROM sys.jobs shows no failed job; pg_index.indisvalid is true for every index",
        resolves: ids((f) => f.category === "indexes" && f.fix === "auto"),
      },
      {
        title: `Validate ${val} constraints`,
        purpose:
          "Foreign keys and CHECKs added after creation were created NOT VALID; ALTER TABLE ASYNC … VALIDATE CONSTRAINT checks the loaded rows.",
        verify: "SELECT conname FROM pg_constraint WHERE NOT convalidated returns no rows",
        resolves: ids((f) => f.ruleId === "foreign-key-added-later" || f.ruleId === "check-added-later"),
      },
    ],
  });
  if (remap) phases.push(remapPhase(remap));
  phases.push({
    id: "verification",
    title: "5. Verification",
    effortHours: { low: 0.1 * loads.length, high: 0.5 * loads.length },
    steps: remap
      ? verificationSteps(remap, rw)
      : loads.map((l) => {
          const t = model.tables.get(l.table)!;
          return {
            title: `Compare ${l.table}`,
            purpose: `Row count and a deterministic checksum, chunked by key range (≤ ${CHECKSUM_CHUNK_ROWS.toLocaleString("en-US")} rows per query) to stay under DSQL's 5-minute transaction and 128 MiB temp-space limits. Run the same query on source and DSQL and compare chunk by chunk.`,
            sql: checksumQuery(t, rw),
            verify: "count and md5 match for every chunk",
            resolves: [],
          };
        }),
  });
  const appFindings = findings.filter((f) => f.fix === "manual" && APP_CATEGORIES.has(f.category));
  const manualSteps: PlanStep[] = [
    {
      title: "Retry wrapper",
      purpose:
        "Wrap every transaction in a retry loop on SQLSTATE 40001 (OC000/OC001) with jittered backoff; make retried work idempotent.",
      verify: "fault-injection test: forced conflicts are retried, not surfaced",
      resolves: [],
    },
    {
      title: "No SAVEPOINT, advisory locks, LISTEN/NOTIFY; READ COMMITTED assumptions",
      purpose:
        "DSQL runs snapshot isolation (REPEATABLE READ) only, with no savepoints (disable ORM nested transactions), no advisory locks (use a lock row updated with retry, or DynamoDB), no LISTEN/NOTIFY (use CDC streams, SQS/SNS), and SELECT … FOR UPDATE does not block (conflicts surface at commit).",
      verify: "grep the code base for SAVEPOINT, pg_advisory, LISTEN, NOTIFY, SET TRANSACTION ISOLATION",
      resolves: ids((f) => f.category === "transactions-and-locking"),
    },
  ];
  if (rw.keyChanges.length)
    manualSteps.push({
      title: "ID generation",
      purpose: `${rw.keyChanges.length} key column(s) changed: ${[...new Set(rw.keyChanges.map((k) => k.strategy))].join(", ")}. Identity values are unique but not ordered or gap-free across sessions (CACHE 65536); code that sorts by id for recency or expects dense ids must change. UUID keys: use RETURNING to read the new key.`,
      verify: "tests that insert and read back rows pass on DSQL",
      resolves: ids((f) => f.category === "keys-and-identity"),
    });
  const byRule = new Map<string, typeof rw.manual>();
  for (const m of rw.manual) if (m.ruleIds[0] !== "parse-error") byRule.set(m.ruleIds[0], [...(byRule.get(m.ruleIds[0]) ?? []), m]);
  for (const [rule, items] of byRule) {
    manualSteps.push({
      title: `${rule}: ${items.length} item(s)`,
      purpose: `${items
        .slice(0, 8)
        .map((m) => m.reason)
        .join("; ")}${items.length > 8 ? "; …" : ""}. ${items[0].suggestion}`,
      sql: items
        .slice(0, 2)
        .map((m) => m.original)
        .join("\n\n"),
      verify: "the behaviour is covered by an application test",
      resolves: [rule],
    });
  }
  manualSteps.push(...(ctx.poolSteps ?? []));
  phases.push({ id: "application", title: "6. Application changes", steps: manualSteps, effortHours: sum(appFindings) });
  phases.push({
    id: "cutover",
    title: "7. Cutover",
    effortHours: { low: 2, high: 6 },
    steps: [
      {
        title: "Write freeze and final sync",
        purpose:
          "Stop writes on the source (read-only role or maintenance mode), re-export tables changed since the first load (by updated timestamp where one exists, otherwise reload the table), and re-run phase 5 for them.",
        sql: "ALTER DATABASE <source_db> SET default_transaction_read_only = on;  -- on the source PostgreSQL",
        verify: "phase 5 checks match after the final sync",
        resolves: [],
      },
      {
        title: "Switch and keep a rollback path",
        purpose:
          "Point the application at DSQL (IAM-token connection settings). Rollback: until the first write on DSQL, switch back to the source; after it, export rows written on DSQL (CDC stream or by updated timestamp) and replay them on the source before switching back.",
        verify: "smoke tests and error-rate dashboards (40001 retries, latency) stay green for the agreed window",
        resolves: [],
      },
    ],
  });

  // Effort: schema phase = findings fixed in the schema; application phase = manual code work.
  const schemaFindings = findings.filter((f) => !(f.fix === "manual" && APP_CATEGORIES.has(f.category)));
  phases[1].effortHours = sum(schemaFindings);
  phases.forEach((p, i) => (p.title = p.title.replace(/^\d+\. /, `${i + 1}. `)));
  const byPhase: Record<string, { low: number; high: number }> = {};
  let tl = 0;
  let th = 0;
  for (const p of phases) {
    p.effortHours = { low: round1(p.effortHours.low), high: round1(p.effortHours.high) };
    byPhase[p.id] = p.effortHours;
    tl += p.effortHours.low;
    th += p.effortHours.high;
  }
  const byCategory: Record<string, { low: number; high: number }> = {};
  const cats = new Set(findings.map((f) => f.category));
  for (const c of cats) {
    const e = sum(findings.filter((f) => f.category === c));
    byCategory[c] = { low: round1(e.low), high: round1(e.high) };
  }
  return {
    phases,
    loads,
    ...(remap ? { remap } : {}),
    effort: {
      total: { low: round1(tl), high: round1(th) },
      byPhase,
      byCategory,
      formula:
        "findings by effort bucket (simple 0.5–2 h, medium 2–6 h, significant 6–16 h; auto fixes once per rule) + fixed allowances: prerequisites 1–3 h, 0.25–1 h load and 0.1–0.5 h verification per table, indexes 0.5–2 h, cutover 2–6 h",
    },
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Deterministic per-chunk checksum that runs on PostgreSQL and DSQL alike. */
export function checksumQuery(t: TableModel, rw: RewriteResult): string {
  const tk = key(t);
  const pk = primaryKey(t)?.columns ?? [];
  const uuidKey = rw.keyChanges.find((k) => k.table === tk && k.strategy === "uuid");
  const cols = t.columns
    .filter((c) => !c.generated)
    .map((c) => {
      const tc = rw.typeChanges.find((x) => x.table === tk && x.column === c.name);
      const id = quoteIdent(c.name);
      if (uuidKey && c.name === uuidKey.column) return `/* source: ${id} | DSQL: ${quoteIdent(uuidKey.legacyColumn ?? "")} */ ${id}::text`;
      if (tc && tc.to === "jsonb") return `/* source: to_jsonb(${id})::text */ ${id}::text`;
      return `${id}::text`;
    });
  const order = pk.length ? pk.map(quoteIdent).join(", ") : cols.join(", ");
  const lead = pk[0] ? quoteIdent(pk[0]) : undefined;
  const range = lead
    ? `WHERE ${lead} >= :lo AND ${lead} < :hi  -- chunk boundaries: SELECT ${lead} FROM … ORDER BY ${lead} OFFSET n*${CHECKSUM_CHUNK_ROWS} LIMIT 1`
    : "-- no primary key: chunk by any indexed column";
  return `SELECT count(*) AS row_count,\n       md5(string_agg(md5(concat_ws('|', ${cols.join(", ")})), '' ORDER BY ${order})) AS checksum\nFROM ${qualifiedIdent(t.schema, t.name)}\n${range};`;
}
