/**
 * Workload rules: findings from statements the application actually ran (pg_stat_statements), with the
 * same metadata as schema rules (lib/rules/rule.ts) so reports, docs and SARIF treat them alike.
 * They are a parallel registry because they read observed statements, not files: every finding
 * carries call counts as evidence and points at `pg_stat_statements` instead of a file line.
 */
import { makeFinding, snippetOf } from "../analyze";
import type { Finding, ObjectRef, RuleMeta } from "../rules/core/rule";
import { SOURCES } from "../rules/core/sources";
import type { ObservedStatement } from "./observed";

export interface WorkloadRule extends RuleMeta {
  /** Returns a message when the statement matches. */
  match?(s: ObservedStatement): string | undefined;
}

const meta = (m: Omit<WorkloadRule, "category" | "fixKind" | "catalogRows"> & { catalogRows?: RuleMeta["catalogRows"]; fixKind?: RuleMeta["fixKind"] }): WorkloadRule => ({
  category: "workload",
  fixKind: "manual",
  catalogRows: [],
  ...m,
});

const isTxn = (s: ObservedStatement, ...kinds: string[]) => s.nodeType === "TransactionStmt" && kinds.includes(String(s.node?.kind));
const isolationOf = (s: ObservedStatement): string | undefined => {
  const opts: any[] = s.nodeType === "TransactionStmt" ? s.node?.options ?? [] : s.nodeType === "VariableSetStmt" ? s.node?.args ?? [] : [];
  for (const o of opts) if (o.DefElem?.defname === "transaction_isolation") return String(o.DefElem.arg?.A_Const?.sval?.sval ?? "");
  if (s.nodeType === "VariableSetStmt" && /^(transaction_isolation|default_transaction_isolation)$/i.test(String(s.node?.name))) return String(s.node?.args?.[0]?.A_Const?.sval?.sval ?? "");
  return undefined;
};
const ADVISORY = /^pg_(try_)?advisory_(xact_)?(lock|unlock)(_shared)?(_all)?$/;

export const WORKLOAD_RULES: WorkloadRule[] = [
  meta({
    id: "workload-savepoint",
    title: "SAVEPOINT in application transactions",
    severity: "blocker",
    effort: "significant",
    docsUrl: SOURCES.UNSUPPORTED,
    why: "DSQL does not support SAVEPOINT, RELEASE SAVEPOINT or ROLLBACK TO SAVEPOINT. ORMs issue them for nested transactions (Django atomic blocks, Rails requires_new, SQLAlchemy begin_nested).",
    fix: "Restructure nested transactions into separate transactions, or turn off the ORM's savepoint-based nesting.",
    catalogRows: [85],
    example: { bad: "BEGIN; SAVEPOINT s1; INSERT …; ROLLBACK TO SAVEPOINT s1; COMMIT;", good: "BEGIN; INSERT …; COMMIT; -- retry the whole transaction on error" },
    match: (s) => (isTxn(s, "TRANS_STMT_SAVEPOINT", "TRANS_STMT_RELEASE", "TRANS_STMT_ROLLBACK_TO") ? "the application uses savepoints" : undefined),
  }),
  meta({
    id: "workload-advisory-lock",
    title: "Advisory locks",
    severity: "blocker",
    effort: "significant",
    docsUrl: SOURCES.CONCURRENCY,
    why: "DSQL has no advisory locks (`function pg_try_advisory_lock not supported`). Job schedulers and migration tools use them for mutual exclusion.",
    fix: "Use a lock row updated with retry on 40001, a conditional write in DynamoDB, or an external lock service.",
    catalogRows: [90],
    example: { bad: "SELECT pg_try_advisory_lock(42);", good: "UPDATE locks SET owner = $1 WHERE name = 'job' AND owner IS NULL; -- retry on 40001" },
    match: (s) => {
      const f = s.functions.find((x) => ADVISORY.test(x));
      return f ? `the application calls ${f}()` : undefined;
    },
  }),
  meta({
    id: "workload-listen-notify",
    title: "LISTEN / NOTIFY",
    severity: "blocker",
    effort: "significant",
    docsUrl: SOURCES.UNSUPPORTED,
    why: "DSQL has no LISTEN/NOTIFY channel between sessions.",
    fix: "Publish events through a queue (SQS, EventBridge, Kinesis via CDC) instead of NOTIFY.",
    catalogRows: [],
    example: { bad: "NOTIFY jobs, 'new';", good: "-- publish to SQS from the application after COMMIT" },
    match: (s) =>
      ["ListenStmt", "NotifyStmt", "UnlistenStmt"].includes(s.nodeType) ? `the application runs ${s.nodeType.replace("Stmt", "").toUpperCase()}` : s.functions.includes("pg_notify") ? "the application calls pg_notify()" : undefined,
  }),
  meta({
    id: "workload-truncate",
    title: "TRUNCATE",
    severity: "blocker",
    effort: "simple",
    docsUrl: SOURCES.UNSUPPORTED,
    why: "DSQL does not support TRUNCATE.",
    fix: "Delete in batches of at most 3,000 rows per transaction, or drop and recreate the table.",
    catalogRows: [],
    example: { bad: "TRUNCATE staging;", good: "DELETE FROM staging WHERE id IN (SELECT id FROM staging LIMIT 1000); -- repeat" },
    match: (s) => (s.nodeType === "TruncateStmt" ? "the application truncates tables" : undefined),
  }),
  meta({
    id: "workload-temporary-table",
    title: "Temporary tables",
    severity: "blocker",
    effort: "medium",
    docsUrl: SOURCES.UNSUPPORTED,
    why: "DSQL does not support temporary tables.",
    fix: "Use a CTE, a VALUES list, or a regular table keyed by session id and cleaned up afterwards.",
    catalogRows: [15],
    example: { bad: "CREATE TEMP TABLE ids (id int);", good: "WITH ids(id) AS (VALUES ($1), ($2)) SELECT …" },
    match: (s) => {
      const rel = s.node?.relation ?? s.node?.into?.rel ?? s.node?.intoClause?.rel;
      return (s.nodeType === "CreateStmt" || s.nodeType === "CreateTableAsStmt" || s.nodeType === "SelectStmt") && rel?.relpersistence === "t" ? "the application creates temporary tables" : undefined;
    },
  }),
  meta({
    id: "workload-isolation-level",
    title: "Isolation level other than REPEATABLE READ",
    severity: "blocker",
    effort: "medium",
    docsUrl: SOURCES.SQL,
    why: "DSQL runs every transaction at REPEATABLE READ (snapshot isolation) and rejects other levels (`Unsupported isolation level`).",
    fix: "Remove the isolation clause. Code that relied on READ COMMITTED re-reads must re-read in a new transaction; SERIALIZABLE guarantees need SELECT … FOR UPDATE on the rows read.",
    catalogRows: [84],
    example: { bad: "BEGIN ISOLATION LEVEL SERIALIZABLE;", good: "BEGIN; -- REPEATABLE READ; use FOR UPDATE where write skew matters" },
    match: (s) => {
      const lvl = isolationOf(s);
      return lvl && lvl.toLowerCase() !== "repeatable read" ? `the application requests isolation level ${lvl.toUpperCase()}` : undefined;
    },
  }),
  meta({
    id: "workload-for-share",
    title: "FOR SHARE / FOR NO KEY UPDATE",
    severity: "blocker",
    effort: "simple",
    docsUrl: SOURCES.CONCURRENCY,
    why: "DSQL doesn't support the FOR SHARE or FOR NO KEY UPDATE clauses.",
    fix: "Use FOR KEY SHARE (supported since 2026-08-25) or FOR UPDATE.",
    catalogRows: [87],
    example: { bad: "SELECT … FOR SHARE;", good: "SELECT … FOR KEY SHARE;" },
    match: (s) => {
      const l = s.locking.find((x) => x.strength === "LCS_FORSHARE" || x.strength === "LCS_FORNOKEYUPDATE");
      return l ? `the application locks rows ${l.strength === "LCS_FORSHARE" ? "FOR SHARE" : "FOR NO KEY UPDATE"}` : undefined;
    },
  }),
  meta({
    id: "workload-server-copy",
    title: "Server-side COPY",
    severity: "blocker",
    effort: "simple",
    docsUrl: SOURCES.LOADING,
    why: "DSQL supports COPY FROM STDIN (psql \\copy) but not COPY to or from a server file or program.",
    fix: "Use COPY … FROM STDIN / TO STDOUT through the client (psql \\copy, the driver's copy API).",
    catalogRows: [],
    example: { bad: "COPY t FROM '/data/t.csv';", good: "\\copy t FROM 't.csv'" },
    match: (s) => (s.nodeType === "CopyStmt" && (s.node?.filename || s.node?.is_program) ? "the application runs COPY with a server-side file or program" : undefined),
  }),
  meta({
    id: "workload-cursor",
    title: "Cursors",
    severity: "blocker",
    effort: "medium",
    docsUrl: SOURCES.UNSUPPORTED,
    why: "DSQL does not support DECLARE … CURSOR / FETCH. Drivers that stream large results with server-side cursors (psycopg named cursors, JDBC fetchSize in a transaction) issue them.",
    fix: "Page with keyset pagination (WHERE id > $last ORDER BY id LIMIT n), each page in its own short transaction.",
    catalogRows: [],
    example: { bad: "DECLARE c CURSOR FOR SELECT …; FETCH 1000 FROM c;", good: "SELECT … WHERE id > $1 ORDER BY id LIMIT 1000;" },
    match: (s) => (["DeclareCursorStmt", "FetchStmt", "ClosePortalStmt"].includes(s.nodeType) ? "the application uses server-side cursors" : undefined),
  }),
  meta({
    id: "workload-lock-table",
    title: "LOCK TABLE",
    severity: "blocker",
    effort: "medium",
    docsUrl: SOURCES.CONCURRENCY,
    why: "LOCK TABLE is not supported in DSQL; there are no table locks under optimistic concurrency.",
    fix: "Remove it and rely on OCC: conflicting transactions fail at commit with 40001 and are retried.",
    catalogRows: [89],
    example: { bad: "LOCK TABLE accounts IN EXCLUSIVE MODE;", good: "-- no lock; retry the transaction on SQLSTATE 40001" },
    match: (s) => (s.nodeType === "LockStmt" ? "the application locks whole tables" : undefined),
  }),
  meta({
    id: "workload-two-phase-commit",
    title: "Two-phase commit",
    severity: "blocker",
    effort: "significant",
    docsUrl: SOURCES.UNSUPPORTED,
    why: "DSQL has no PREPARE TRANSACTION / COMMIT PREPARED (XA transactions).",
    fix: "Replace distributed transactions with an outbox or saga pattern.",
    catalogRows: [91],
    example: { bad: "PREPARE TRANSACTION 'x';", good: "-- outbox table + idempotent consumer" },
    match: (s) => (isTxn(s, "TRANS_STMT_PREPARE", "TRANS_STMT_COMMIT_PREPARED", "TRANS_STMT_ROLLBACK_PREPARED") ? "the application uses two-phase commit" : undefined),
  }),
  meta({
    id: "workload-skip-locked-queue",
    title: "NOWAIT / SKIP LOCKED queue pattern",
    severity: "warning",
    effort: "medium",
    docsUrl: SOURCES.CONCURRENCY,
    why: "DSQL never blocks on row locks, so SKIP LOCKED skips nothing and NOWAIT never fires: every worker claims the same first rows and all but one fail at commit with 40001.",
    fix: "Claim work by updating a random or partitioned slice (e.g. WHERE shard = $worker) and retry on 40001, or move the queue to SQS.",
    catalogRows: [88],
    example: { bad: "SELECT id FROM jobs WHERE state = 'new' LIMIT 1 FOR UPDATE SKIP LOCKED;", good: "UPDATE jobs SET owner = $1 WHERE id = (SELECT id FROM jobs WHERE state = 'new' AND shard = $2 LIMIT 1) RETURNING id;" },
    match: (s) => {
      const l = s.locking.find((x) => x.waitPolicy === "LockWaitSkip" || x.waitPolicy === "LockWaitError");
      return l ? `the application polls with ${l.waitPolicy === "LockWaitSkip" ? "SKIP LOCKED" : "NOWAIT"}, whose semantics change under optimistic concurrency` : undefined;
    },
  }),
  meta({
    id: "workload-for-update",
    title: "SELECT … FOR UPDATE does not block",
    severity: "advice",
    effort: "simple",
    docsUrl: SOURCES.CONCURRENCY,
    why: "In DSQL FOR UPDATE takes no lock: the rows are checked at commit as if written, and the later of two conflicting transactions fails with 40001 instead of waiting.",
    fix: "Make sure the transaction is retried as a whole on SQLSTATE 40001; keep the locked row set small.",
    catalogRows: [86],
    example: { bad: "SELECT … FOR UPDATE; -- expecting others to wait", good: "SELECT … FOR UPDATE; -- inside a retry loop on 40001" },
    match: (s) => (s.locking.some((x) => x.strength === "LCS_FORUPDATE" && x.waitPolicy === "LockWaitBlock") ? "the application locks rows FOR UPDATE; under OCC they are adjudicated at commit" : undefined),
  }),
  meta({
    id: "workload-large-write",
    title: "Writes over DSQL's 3,000-row transaction limit",
    severity: "blocker",
    effort: "medium",
    docsUrl: SOURCES.QUOTAS,
    why: "A DSQL transaction may modify at most 3,000 rows (`transaction row limit exceeded`) and 10 MiB.",
    fix: "Split the statement into batches of 500–1,000 rows, each in its own transaction.",
    catalogRows: [92, "Q:rows-per-transaction"],
    example: { bad: "UPDATE events SET archived = true WHERE created_at < $1; -- 50,000 rows", good: "UPDATE events SET archived = true WHERE id IN (SELECT id FROM events WHERE … LIMIT 1000); -- loop" },
  }),
  meta({
    id: "workload-long-statement",
    title: "Statements near DSQL's 5-minute transaction limit",
    severity: "warning",
    effort: "medium",
    docsUrl: SOURCES.QUOTAS,
    why: "DSQL aborts any transaction older than 5 minutes (`transaction age limit of 300s exceeded`), reads included.",
    fix: "Split long reports and backfills into shorter transactions, or move analytics elsewhere.",
    catalogRows: [92, "Q:transaction-duration"],
    example: { bad: "SELECT … FROM big_table GROUP BY …; -- 6 minutes", good: "-- aggregate per day in separate queries" },
  }),
  meta({
    id: "workload-sequential-key-inserts",
    title: "Sequential key under measured insert load",
    severity: "warning",
    effort: "significant",
    docsUrl: SOURCES.PRIMARY_KEYS,
    why: "DSQL stores rows in primary-key order; a monotonically increasing key sends every new row to the same key range, so the insert rate measured here lands on one partition.",
    fix: "Use a random key (uuid DEFAULT gen_random_uuid()) or a composite key led by a well-distributed column; keep the sequence as a secondary attribute if you need ordering.",
    catalogRows: [],
    example: { bad: "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY -- 400 inserts/s", good: "id uuid DEFAULT gen_random_uuid() PRIMARY KEY" },
  }),
  meta({
    id: "workload-monotonic-index-inserts",
    title: "Index led by an increasing column under insert load",
    severity: "advice",
    effort: "medium",
    docsUrl: SOURCES.PRIMARY_KEYS,
    why: "Secondary indexes are stored in key order too: an index led by a timestamp or sequence value receives all new entries at one end.",
    fix: "Lead the index with a distributed column (tenant, hash bucket) and put the increasing column second.",
    catalogRows: [],
    example: { bad: "CREATE INDEX ON events (created_at);", good: "CREATE INDEX ASYNC ON events (device_id, created_at);" },
  }),
  meta({
    id: "workload-hot-rows",
    title: "Hot rows: many updates on few rows",
    severity: "warning",
    effort: "medium",
    docsUrl: SOURCES.CONCURRENCY,
    why: "Concurrent updates of the same row conflict at commit under DSQL's optimistic concurrency: all but one transaction fail with 40001 and must retry.",
    fix: "Shard the counter (N rows per logical counter, update a random one, sum on read), batch increments, or compute the aggregate with a query.",
    catalogRows: [],
    example: { bad: "UPDATE counters SET n = n + 1 WHERE id = 1;", good: "UPDATE counter_shards SET n = n + 1 WHERE id = 1 AND shard = floor(random()*32);" },
  }),
  meta({
    id: "workload-for-update-contention",
    title: "FOR UPDATE on shared rows",
    severity: "warning",
    effort: "medium",
    docsUrl: SOURCES.CONCURRENCY,
    why: "FOR UPDATE on rows many transactions touch turns each overlap into a commit-time conflict (40001) instead of a short wait.",
    fix: "Narrow the locked set, shard the shared row, or move the serialisation point into a single conditional UPDATE; retry on 40001.",
    catalogRows: [86],
    example: { bad: "SELECT * FROM settings WHERE id = 1 FOR UPDATE;", good: "UPDATE settings SET v = $1 WHERE id = 1 AND version = $2;" },
  }),
];

export const WORKLOAD_RULE_BY_ID = new Map(WORKLOAD_RULES.map((r) => [r.id, r]));

export const OBSERVED_FILE = "pg_stat_statements";

export function workloadFinding(ruleId: string, message: string, object: ObjectRef, evidence: Record<string, string | number>, snippet = "", file = OBSERVED_FILE): Finding {
  const rule = WORKLOAD_RULE_BY_ID.get(ruleId);
  if (!rule) throw new Error(`unknown workload rule ${ruleId}`);
  // Observed statements have no file position: line 0 marks a live-source finding.
  return makeFinding(rule, message, { file, line: 0, column: 0, statementLine: 0, statementIndex: 0 }, object, snippetOf(snippet), evidence);
}

/** Thresholds, published with the findings so users can see why something fired. */
export const LIMITS = { rowsPerTransaction: 3000, bytesPerTransaction: 10 * 1024 * 1024, transactionSeconds: 300, nearTransactionSeconds: 150 };

/** Query-shaped findings: one per rule and statement, with its call counts. */
export function statementFindings(observed: ObservedStatement[], widthOf: (table: string) => number, indexesOf: (table: string) => number): Finding[] {
  const out: Finding[] = [];
  for (const s of observed) {
    const object: ObjectRef = { kind: "statement", name: s.id };
    const ev = (extra: Record<string, string | number> = {}) => ({ calls: s.calls, rows: s.rows, meanMs: round(s.meanMs), maxMs: round(s.maxMs), ...extra });
    for (const r of WORKLOAD_RULES) {
      const m = r.match?.(s);
      if (m) out.push(workloadFinding(r.id, `${m} (${s.calls} calls)`, object, ev(), s.query));
    }
    const writes = ["insert", "update", "delete", "merge"].includes(s.kind);
    const perCall = s.calls > 0 ? s.rows / s.calls : 0;
    if (writes && perCall > LIMITS.rowsPerTransaction) {
      out.push(workloadFinding("workload-large-write", `${s.kind.toUpperCase()} on ${s.target} changes ${Math.round(perCall)} rows per call on average, over DSQL's 3,000-row transaction limit`, object, ev({ rowsPerCall: Math.round(perCall), limit: LIMITS.rowsPerTransaction }), s.query));
    } else if (writes && s.target) {
      const bytes = perCall * Math.max(widthOf(s.target), 128) * (1 + indexesOf(s.target));
      if (bytes > LIMITS.bytesPerTransaction)
        out.push(workloadFinding("workload-large-write", `${s.kind.toUpperCase()} on ${s.target} writes about ${(bytes / 1048576).toFixed(1)} MiB per call including index entries, over DSQL's 10 MiB transaction limit`, object, ev({ rowsPerCall: Math.round(perCall), estimatedBytesPerCall: Math.round(bytes) }), s.query));
    }
    if (s.maxMs >= LIMITS.nearTransactionSeconds * 1000) {
      const over = s.maxMs >= LIMITS.transactionSeconds * 1000;
      const f = workloadFinding("workload-long-statement", `a statement ran for up to ${(s.maxMs / 1000).toFixed(0)} s${over ? ", over" : ", near"} DSQL's 300 s transaction limit`, object, ev(), s.query);
      if (over) f.severity = "blocker";
      out.push(f);
    }
  }
  return out;
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
