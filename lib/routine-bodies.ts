/**
 * Runs the statement rules on the SQL inside routine bodies (PL/pgSQL functions, procedures, DO blocks,
 * SQL functions). That SQL meets DSQL when the routine is called, so each finding reads "when <routine>
 * runs: …" at the embedded statement's own line and column. A call is one transaction (a DO block too),
 * so the body's statements share one transaction state; a procedure's COMMIT / ROLLBACK starts a new one.
 */
import { routineBodyOf } from "./ingest/routine-body";
import type { ParsedStatement } from "./ingest/parse";
import type { ModelBuilder } from "./model/build";
import { strings } from "./ingest/ast";
import type { Finding, ObjectRef, TransactionState } from "./rules/core/rule";
import { fingerprintOf } from "./analyze";
import { defaultProblemId } from "./problems";

/** Languages whose bodies are analysed; routines in other languages are blockers by themselves. */
const ANALYSED = new Set(["plpgsql", "sql"]);

export interface RoutineScope {
  /** "function public.f", "procedure app.p", "DO block at line 12". */
  label: string;
  /** The routine: what a person edits to fix a finding inside it. */
  object: ObjectRef;
  decorate(f: Finding): Finding;
}

export interface RoutineBodyStats {
  /** PL/pgSQL and SQL routines (functions, procedures, DO blocks) seen. */
  routines: number;
  /** Of those, bodies parsed and analysed. */
  parsed: number;
  /** Embedded SQL statements the rules ran on. */
  statements: number;
  notParsed: Array<{ file: string; line: number; routine: string; error: string }>;
}

export function routineObject(stmt: ParsedStatement, builder: ModelBuilder): { label: string; object: ObjectRef } {
  if (stmt.kind === "DoStmt")
    return { label: `DO block at line ${stmt.line}`, object: { kind: "do-block", name: `${stmt.file}:${stmt.line}` } };
  const parts = strings(stmt.node.funcname);
  const q = builder.qualify({ schema: parts.length > 1 ? parts[parts.length - 2] : undefined, name: parts[parts.length - 1] ?? "" });
  const kind = stmt.node.is_procedure ? "procedure" : "function";
  return { label: `${kind} ${q.schema}.${q.name}`, object: { kind, schema: q.schema, name: q.name } };
}

export class RoutineBodies {
  readonly stats: RoutineBodyStats = { routines: 0, parsed: 0, statements: 0, notParsed: [] };

  constructor(
    private readonly builder: ModelBuilder,
    private readonly runRules: (stmt: ParsedStatement, txn: TransactionState, within: RoutineScope) => void,
    private readonly trackTransaction: (stmt: ParsedStatement, txn: TransactionState) => void,
  ) {}

  analyse(stmt: ParsedStatement): void {
    if (stmt.kind !== "CreateFunctionStmt" && stmt.kind !== "DoStmt") return;
    const body = routineBodyOf(stmt);
    if (!body || !ANALYSED.has(body.language)) return;
    this.stats.routines++;
    const { label, object } = routineObject(stmt, this.builder);
    if (!body.parsed) {
      this.stats.notParsed.push({ file: stmt.file, line: stmt.line, routine: label, error: body.error ?? "not parsed" });
      return;
    }
    this.stats.parsed++;
    const scope: RoutineScope = {
      label,
      object,
      // The rewrite cannot edit SQL inside a body: whatever it is, a person changes it, in the routine.
      decorate: (f) => ({
        ...f,
        object,
        message: `when ${label} runs: ${f.message}`,
        fix: "manual",
        fingerprint: fingerprintOf(f.ruleId, object, "") + `|${f.message}`,
        problemId: defaultProblemId(f.ruleId, object, f),
      }),
    };
    let txn = this.newTransaction(stmt);
    let transaction = 0;
    let arms = new ExclusiveArms();
    for (const e of body.statements) {
      if (e.transaction !== transaction) {
        transaction = e.transaction;
        txn = this.newTransaction(stmt);
        arms = new ExclusiveArms();
      }
      arms.enter(e.branch, txn);
      this.stats.statements++;
      this.runRules(e.stmt, txn, scope);
      this.trackTransaction(e.stmt, txn);
    }
  }

  private newTransaction(stmt: ParsedStatement): TransactionState {
    // A call (or a DO block) runs inside one transaction that begins where the routine is defined.
    return { open: true, beginLine: stmt.line, ddl: 0, dml: 0, valuesRows: 0 };
  }
}

type Counts = Pick<TransactionState, "ddl" | "dml" | "valuesRows">;
const countsOf = (t: Counts): Counts => ({ ddl: t.ddl, dml: t.dml, valuesRows: t.valuesRows });
const most = (a: Counts, b: Counts): Counts => ({
  ddl: Math.max(a.ddl, b.ddl),
  dml: Math.max(a.dml, b.dml),
  valuesRows: Math.max(a.valuesRows, b.valuesRows),
});

/**
 * One call runs one arm of an IF / CASE, not all of them: DDL in the THEN arm and DDL in the ELSE arm are
 * not two DDL in one transaction. Each arm starts from the transaction as it was before the IF; after the
 * IF, the transaction holds the most any arm added (the busiest path is the one that can fail).
 */
class ExclusiveArms {
  private open: Array<{ id: string; arm: string; before: Counts; after: Counts }> = [];

  /** Move the transaction state to where a statement in `branch` runs (see EmbeddedStatement.branch). */
  enter(branch: string, txn: TransactionState): void {
    if (branch === "" && this.open.length === 0) return; // the common case: no IF around, none open
    const path = branch
      .split("/")
      .filter(Boolean)
      .map((p) => ({ id: p.slice(0, p.indexOf(":")), arm: p.slice(p.indexOf(":") + 1) }));
    let depth = 0;
    while (
      depth < this.open.length &&
      depth < path.length &&
      this.open[depth].id === path[depth].id &&
      this.open[depth].arm === path[depth].arm
    )
      depth++;
    while (this.open.length > depth) {
      const f = this.open[this.open.length - 1];
      f.after = most(f.after, txn);
      if (this.open.length - 1 === depth && path[depth]?.id === f.id) {
        // Another arm of the same IF runs instead of the ones before it.
        Object.assign(txn, f.before);
        f.arm = path[depth].arm;
        depth++;
        break;
      }
      Object.assign(txn, f.after);
      this.open.pop();
    }
    for (let i = depth; i < path.length; i++) this.open.push({ ...path[i], before: countsOf(txn), after: countsOf(txn) });
  }
}
