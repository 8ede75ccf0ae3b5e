import { defElems } from "@/lib/ingest/ast";
import { CAPABILITIES } from "../core/capabilities";
import { callSites, relObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const SEQ_FUNCS = new Set(["nextval", "currval", "setval", "lastval"]);

export default defineRule({
  id: "sequence-before-support",
  title: "Sequence or identity column before DSQL supported them",
  severity: "blocker",
  category: "keys-and-identity",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.SEQUENCES_WORKING,
  why: "Before 2026-02-13 DSQL had no sequences: CREATE/ALTER SEQUENCE, identity columns and nextval/currval/setval were all rejected.",
  fix: "Target 2026-02-13 or later (bigint sequences/identity with CACHE 1 or ≥ 65536), or generate keys with `uuid DEFAULT gen_random_uuid()`.",
  appliesUntil: CAPABILITIES.sequences,
  catalogRows: [51, 52],
  example: {
    bad: "CREATE SEQUENCE order_seq; CREATE TABLE orders (id bigint DEFAULT nextval('order_seq') PRIMARY KEY);",
    good: "CREATE TABLE orders (id uuid DEFAULT gen_random_uuid() PRIMARY KEY);",
  },
  kinds: [
    "CreateSeqStmt",
    "AlterSeqStmt",
    "CreateStmt",
    "AlterTableStmt",
    "SelectStmt",
    "InsertStmt",
    "UpdateStmt",
    "DeleteStmt",
    "ViewStmt",
    "CreateFunctionStmt",
  ],
  checkStatement(ctx) {
    const { stmt, builder, nodes, report } = ctx;
    const n = stmt.node;
    const since = CAPABILITIES.sequences.since;
    if (stmt.kind === "CreateSeqStmt") {
      report({
        message: `sequence ${n.sequence?.relname} is not supported before ${since}`,
        object: relObject(builder, n.sequence, "sequence"),
      });
      return;
    }
    if (stmt.kind === "AlterSeqStmt") {
      // pg_dump's `ALTER SEQUENCE … OWNED BY` only ties a sequence (already reported) to its column.
      const opts = [...defElems(n.options).keys()].filter((k) => k !== "owned_by");
      if (opts.length)
        report({
          message: `ALTER SEQUENCE ${n.sequence?.relname} is not supported before ${since}`,
          object: relObject(builder, n.sequence, "sequence"),
        });
      return;
    }
    if (stmt.kind === "CreateStmt" || stmt.kind === "AlterTableStmt") {
      for (const c of nodes("Constraint")) {
        if (c.contype !== "CONSTR_IDENTITY") continue;
        report({
          message: `identity column on ${n.relation?.relname} is not supported before ${since}`,
          location: c.location,
          object: relObject(builder, n.relation),
        });
      }
      // nextval() in column defaults belongs to a sequence already reported (or to serial-type).
      return;
    }
    for (const call of callSites(ctx, (name) => SEQ_FUNCS.has(name))) {
      report({ message: `${call.name}() needs sequences, which DSQL does not support before ${since}`, location: call.location });
    }
  },
});
