/**
 * Observed statements (pg_stat_statements) parsed with the same PostgreSQL parser as schema files, and
 * reduced to the facts workload findings, hotspots and the cost model need: what kind of statement,
 * which table it writes or reads, its locking clauses, the functions it calls, and its measured
 * calls/rows/time.
 */
import { parseSync } from "libpg-query";
import { funcName, indexNodes, rangeVar, strings } from "../ingest/ast";
import { loadParser, type AstNode } from "../ingest/parse";
import type { StatementStat, StatementsSample } from "../source/snapshot";

export type ObservedKind = "insert" | "update" | "delete" | "select" | "merge" | "copy" | "utility" | "transaction" | "other";

export interface ObservedStatement {
  /** Stable id: pg_stat_statements queryid, or a hash of the text. */
  id: string;
  query: string;
  kind: ObservedKind;
  /** AST node type of the (first) statement, e.g. `TransactionStmt`. */
  nodeType: string;
  node?: AstNode;
  /** Written table (`schema.name`, unqualified names resolved to public) for INSERT/UPDATE/DELETE/MERGE/COPY FROM. */
  target?: string;
  /** Tables read (FROM clauses). */
  reads: string[];
  locking: Array<{ strength: string; waitPolicy: string; tables: string[] }>;
  functions: string[];
  /** `SET col = col ± …`: counter-style update. */
  counterUpdate: boolean;
  parsed: boolean;
  /** Cumulative numbers since pg_stat_statements was reset. */
  calls: number;
  rows: number;
  totalMs: number;
  meanMs: number;
  maxMs: number;
  /** Change between the two samples (0 when only one sample was taken). */
  interval: { calls: number; rows: number; totalMs: number };
}

/** pg_stat_statements rows, merged with their second-sample deltas and parsed. */
export async function observeStatements(samples: StatementsSample[] | null): Promise<ObservedStatement[]> {
  if (!samples?.length) return [];
  await loadParser();
  const first = samples[0];
  const last = samples[samples.length - 1];
  const before = new Map<string, StatementStat>();
  for (const s of first.statements) before.set(idOf(s), s);
  const out: ObservedStatement[] = [];
  for (const s of last.statements) {
    if (s.query === "<insufficient privilege>") continue;
    const id = idOf(s);
    const b = samples.length > 1 ? before.get(id) : undefined;
    const interval =
      samples.length > 1
        ? { calls: s.calls - (b?.calls ?? 0), rows: s.rows - (b?.rows ?? 0), totalMs: s.totalMs - (b?.totalMs ?? 0) }
        : { calls: 0, rows: 0, totalMs: 0 };
    out.push({
      id,
      query: s.query,
      calls: s.calls,
      rows: s.rows,
      totalMs: s.totalMs,
      meanMs: s.meanMs,
      maxMs: s.maxMs,
      interval,
      ...facts(s.query),
    });
  }
  return out;
}

function idOf(s: StatementStat): string {
  if (s.queryId) return s.queryId;
  let h = 0;
  for (let i = 0; i < s.query.length; i++) h = (Math.imul(h, 31) + s.query.charCodeAt(i)) | 0;
  return `q${(h >>> 0).toString(16)}`;
}

/** Same spelling as the catalog's quote_ident(schema) || '.' || quote_ident(name); unqualified names are taken as public. */
export function quoteIdent(s: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`;
}
const qualify = (rv: AstNode | undefined): string => {
  const r = rangeVar(rv);
  return `${quoteIdent(r.schema ?? "public")}.${quoteIdent(r.name)}`;
};

type Facts = Pick<
  ObservedStatement,
  "kind" | "nodeType" | "node" | "target" | "reads" | "locking" | "functions" | "counterUpdate" | "parsed"
>;

export function facts(query: string): Facts {
  // PostgreSQL 16+ normalises utility statements too (`SAVEPOINT $1`, `LISTEN $1`): retry with the
  // placeholders as identifiers, then as literals, so these still parse.
  let stmt: AstNode | undefined;
  for (const text of [query, query.replace(/\$(\d+)/g, "_p$1"), query.replace(/\$(\d+)/g, "0")]) {
    try {
      stmt = parseSync(text).stmts?.[0]?.stmt;
      if (stmt) break;
    } catch {
      stmt = undefined;
    }
    if (!/\$\d/.test(query)) break;
  }
  if (!stmt) return { kind: "other", nodeType: "unparsed", reads: [], locking: [], functions: [], counterUpdate: false, parsed: false };
  const nodeType = Object.keys(stmt)[0];
  const node = stmt[nodeType];
  const idx = indexNodes(stmt);
  const reads = [...new Set((idx.get("RangeVar") ?? []).map((rv) => qualify(rv)))];
  const functions = [...new Set((idx.get("FuncCall") ?? []).map(funcName))];
  const locking = (idx.get("LockingClause") ?? []).map((l) => ({
    strength: String(l.strength),
    waitPolicy: String(l.waitPolicy ?? "LockWaitBlock"),
    tables: (l.lockedRels ?? []).map((r: AstNode) => qualify(r.RangeVar)),
  }));
  let kind: ObservedKind = "other";
  let target: string | undefined;
  let counterUpdate = false;
  switch (nodeType) {
    case "InsertStmt":
      kind = "insert";
      target = qualify(node.relation);
      break;
    case "UpdateStmt":
      kind = "update";
      target = qualify(node.relation);
      counterUpdate = (node.targetList ?? []).some((t: AstNode) => {
        const rt = t.ResTarget;
        const e = rt?.val?.A_Expr;
        if (!e || !["+", "-"].includes(strings(e.name)[0])) return false;
        const ref = (x: AstNode | undefined) => strings(x?.ColumnRef?.fields).at(-1);
        return ref(e.lexpr) === rt.name || ref(e.rexpr) === rt.name;
      });
      break;
    case "DeleteStmt":
      kind = "delete";
      target = qualify(node.relation);
      break;
    case "MergeStmt":
      kind = "merge";
      target = qualify(node.relation);
      break;
    case "SelectStmt":
      kind = "select";
      break;
    case "CopyStmt":
      kind = "copy";
      if (node.relation) target = qualify(node.relation);
      break;
    case "TransactionStmt":
      kind = "transaction";
      break;
    default:
      kind = "utility";
  }
  // Locked tables default to every table in FROM when `FOR UPDATE` names none.
  for (const l of locking) if (l.tables.length === 0) l.tables = reads;
  return {
    kind,
    nodeType,
    node,
    target,
    reads: target ? reads.filter((r) => r !== target) : reads,
    locking,
    functions,
    counterUpdate,
    parsed: true,
  };
}
