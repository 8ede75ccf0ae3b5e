/**
 * Workload findings: statements the application actually ran (pg_stat_statements) checked against the
 * workload rules (lib/rules/workload/workload-*.ts, registered in lib/rules/all.ts with the schema
 * rules), plus the transaction-envelope checks that need measurements. Every finding carries call
 * counts as evidence and points at `pg_stat_statements` instead of a file line.
 */
import { makeFinding, snippetOf } from "../analyze";
import type { Finding, ObjectRef } from "../rules/core/rule";
import { WORKLOAD_RULES } from "../rules/all";
import type { ObservedStatement } from "./observed";

export type { WorkloadRule } from "../rules/core/workload-rule";
export { WORKLOAD_RULES };

export const WORKLOAD_RULE_BY_ID = new Map(WORKLOAD_RULES.map((r) => [r.id, r]));

export const OBSERVED_FILE = "pg_stat_statements";

export function workloadFinding(
  ruleId: string,
  message: string,
  object: ObjectRef,
  evidence: Record<string, string | number>,
  snippet = "",
  file = OBSERVED_FILE,
): Finding {
  const rule = WORKLOAD_RULE_BY_ID.get(ruleId);
  if (!rule) throw new Error(`unknown workload rule ${ruleId}`);
  // Observed statements have no file position: line 0 marks a live-source finding.
  return makeFinding(
    rule,
    message,
    { file, line: 0, column: 0, statementLine: 0, statementIndex: 0 },
    object,
    snippetOf(snippet),
    evidence,
  );
}

/** Thresholds, published with the findings so users can see why something fired. */
export const LIMITS = {
  rowsPerTransaction: 3000,
  bytesPerTransaction: 10 * 1024 * 1024,
  transactionSeconds: 300,
  nearTransactionSeconds: 150,
};

/** Query-shaped findings: one per rule and statement, with its call counts. */
export function statementFindings(
  observed: ObservedStatement[],
  widthOf: (table: string) => number,
  indexesOf: (table: string) => number,
): Finding[] {
  const out: Finding[] = [];
  for (const s of observed) {
    const object: ObjectRef = { kind: "statement", name: s.id };
    const ev = (extra: Record<string, string | number> = {}) => ({
      calls: s.calls,
      rows: s.rows,
      meanMs: round(s.meanMs),
      maxMs: round(s.maxMs),
      ...extra,
    });
    for (const r of WORKLOAD_RULES) {
      const m = r.match?.(s);
      if (m) out.push(workloadFinding(r.id, `${m} (${s.calls} calls)`, object, ev(), s.query));
    }
    const writes = ["insert", "update", "delete", "merge"].includes(s.kind);
    const perCall = s.calls > 0 ? s.rows / s.calls : 0;
    if (writes && perCall > LIMITS.rowsPerTransaction) {
      out.push(
        workloadFinding(
          "workload-large-write",
          `${s.kind.toUpperCase()} on ${s.target} changes ${Math.round(perCall)} rows per call on average, over DSQL's 3,000-row transaction limit`,
          object,
          ev({ rowsPerCall: Math.round(perCall), limit: LIMITS.rowsPerTransaction }),
          s.query,
        ),
      );
    } else if (writes && s.target) {
      const bytes = perCall * Math.max(widthOf(s.target), 128) * (1 + indexesOf(s.target));
      if (bytes > LIMITS.bytesPerTransaction)
        out.push(
          workloadFinding(
            "workload-large-write",
            `${s.kind.toUpperCase()} on ${s.target} writes about ${(bytes / 1048576).toFixed(1)} MiB per call including index entries, over DSQL's 10 MiB transaction limit`,
            object,
            ev({ rowsPerCall: Math.round(perCall), estimatedBytesPerCall: Math.round(bytes) }),
            s.query,
          ),
        );
    }
    if (s.maxMs >= LIMITS.nearTransactionSeconds * 1000) {
      const over = s.maxMs >= LIMITS.transactionSeconds * 1000;
      const f = workloadFinding(
        "workload-long-statement",
        `a statement ran for up to ${(s.maxMs / 1000).toFixed(0)} s${over ? ", over" : ", near"} DSQL's 300 s transaction limit`,
        object,
        ev(),
        s.query,
      );
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
