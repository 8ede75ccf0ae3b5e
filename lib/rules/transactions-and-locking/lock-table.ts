import { relObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "lock-table",
  title: "LOCK TABLE",
  severity: "blocker",
  category: "transactions-and-locking",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.CONCURRENCY,
  why: "DSQL has no table locks (`LOCK TABLE is not supported`); concurrency control is optimistic.",
  fix: "Remove the LOCK; rely on OCC with retries on 40001, or serialise through a single lock row that every writer updates.",
  catalogRows: [89],
  example: {
    bad: "LOCK TABLE inventory IN EXCLUSIVE MODE;",
    good: "UPDATE app_lock SET holder = $1 WHERE name = 'inventory'; -- conflicting writers get 40001",
  },
  kinds: ["LockStmt"],
  checkStatement({ stmt, builder, report }) {
    const rels = (stmt.node.relations ?? []).map((r: any) => relObject(builder, r.RangeVar));
    report({ message: `LOCK TABLE ${rels.map((r: any) => r.name).join(", ")} is not supported`, object: rels[0] });
  },
});
