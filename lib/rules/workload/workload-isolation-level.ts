import type { ObservedStatement } from "@/lib/workload/observed";
import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

const isolationOf = (s: ObservedStatement): string | undefined => {
  const opts: any[] =
    s.nodeType === "TransactionStmt" ? (s.node?.options ?? []) : s.nodeType === "VariableSetStmt" ? (s.node?.args ?? []) : [];
  for (const o of opts) if (o.DefElem?.defname === "transaction_isolation") return String(o.DefElem.arg?.A_Const?.sval?.sval ?? "");
  if (s.nodeType === "VariableSetStmt" && /^(transaction_isolation|default_transaction_isolation)$/i.test(String(s.node?.name)))
    return String(s.node?.args?.[0]?.A_Const?.sval?.sval ?? "");
  return undefined;
};

export default defineWorkloadRule({
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
});
