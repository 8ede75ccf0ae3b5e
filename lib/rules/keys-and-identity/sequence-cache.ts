import { constValue, defElems } from "@/lib/ingest/ast";
import { CAPABILITIES } from "../core/capabilities";
import { relObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** DSQL accepts CACHE 1 or CACHE ≥ 65536 only. */
export function legalCache(cache: unknown): boolean {
  return cache === 1 || (typeof cache === "number" && cache >= 65536);
}

export default defineRule({
  id: "sequence-cache",
  title: "Sequence without a DSQL-compatible CACHE",
  severity: "blocker",
  category: "keys-and-identity",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.SEQUENCE,
  why: "DSQL requires an explicit CACHE of exactly 1 or at least 65536 (`CREATE SEQUENCE is not supported without an explicit cache size`).",
  fix: "Add `CACHE 65536` for high insert concurrency (values have gaps and are not ordered across sessions) or `CACHE 1` for values closer to sequential at the cost of more coordination.",
  appliesFrom: CAPABILITIES.sequences,
  catalogRows: [51, "Q:sequence-cache"],
  example: {
    bad: "CREATE SEQUENCE order_seq;",
    good: "CREATE SEQUENCE order_seq CACHE 65536;",
  },
  kinds: ["CreateSeqStmt", "AlterSeqStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    const def = defElems(n.options).get("cache");
    const cache = constValue(def?.arg);
    const name = n.sequence?.relname;
    if (stmt.kind === "CreateSeqStmt" && !def) {
      report({
        message: `sequence ${name} has no CACHE; DSQL requires CACHE 1 or CACHE ≥ 65536`,
        object: relObject(builder, n.sequence, "sequence"),
      });
    } else if (def && !legalCache(cache)) {
      report({
        message: `sequence ${name} has CACHE ${cache}; DSQL allows only 1 or ≥ 65536`,
        location: def.location,
        object: relObject(builder, n.sequence, "sequence"),
      });
    }
  },
});
