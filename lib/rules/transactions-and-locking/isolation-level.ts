import { constValue } from "@/lib/ingest/ast";
import type { AstNode } from "@/lib/ingest/parse";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

function isolationOf(options: AstNode[] | undefined): { level: string; location?: number } | undefined {
  for (const o of options ?? []) {
    const d = o.DefElem;
    if (d?.defname === "transaction_isolation") return { level: String(constValue(d.arg) ?? "").toLowerCase(), location: d.location };
  }
  return undefined;
}

export default defineRule({
  id: "isolation-level",
  title: "Isolation level other than REPEATABLE READ",
  severity: "blocker",
  category: "transactions-and-locking",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.CONCURRENCY,
  why: "DSQL runs every transaction at REPEATABLE READ (snapshot isolation with optimistic concurrency). It rejects other levels (`Unsupported isolation level: READ UNCOMMITTED`) and SET TRANSACTION / default_transaction_isolation. Code that relied on READ COMMITTED re-reads or SERIALIZABLE's write-skew protection behaves differently.",
  fix: "Remove the isolation clause (or write ISOLATION LEVEL REPEATABLE READ on BEGIN). Review logic that needed SERIALIZABLE: SELECT … FOR UPDATE on the rows read closes most write-skew cases under OCC. Retry transactions on 40001.",
  catalogRows: [84],
  example: {
    bad: "BEGIN ISOLATION LEVEL SERIALIZABLE;",
    good: "BEGIN; -- REPEATABLE READ; retry on SQLSTATE 40001",
  },
  kinds: ["TransactionStmt", "VariableSetStmt"],
  checkStatement({ stmt, report }) {
    const n = stmt.node;
    if (stmt.kind === "TransactionStmt") {
      if (n.kind !== "TRANS_STMT_BEGIN" && n.kind !== "TRANS_STMT_START") return;
      const iso = isolationOf(n.options);
      if (iso && iso.level !== "repeatable read")
        report({
          message: `isolation level ${iso.level.toUpperCase()} is not supported; DSQL runs REPEATABLE READ only`,
          location: iso.location,
        });
      return;
    }
    const name = String(n.name ?? "").toLowerCase();
    if (name === "transaction" || name === "session characteristics") {
      const iso = isolationOf(n.args);
      if (!iso) return; // READ ONLY / READ WRITE alone
      if (name === "transaction")
        report({
          message: `SET TRANSACTION ISOLATION LEVEL ${iso.level.toUpperCase()} is not supported; isolation is fixed at REPEATABLE READ`,
          location: iso.location,
        });
      else if (iso.level !== "repeatable read")
        report({
          message: `SET SESSION CHARACTERISTICS … ISOLATION LEVEL ${iso.level.toUpperCase()} is not supported; DSQL runs REPEATABLE READ only`,
          location: iso.location,
        });
    } else if (name === "default_transaction_isolation" || name === "transaction_isolation") {
      const v = String(constValue(n.args?.[0]) ?? "").toLowerCase();
      if (n.kind === "VAR_SET_VALUE" && v !== "repeatable read")
        report({ message: `SET ${name} = '${v}' is not supported; DSQL runs REPEATABLE READ only` });
    }
  },
});
