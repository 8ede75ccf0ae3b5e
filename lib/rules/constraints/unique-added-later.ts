import { commandLocation, constraintRef, tableCommands, tableRef } from "../core/ddl-helpers";
import { CAPABILITIES, isSupported } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";
import type { AstNode } from "@/lib/ingest/parse";

/** ALTER TABLE … ADD [CONSTRAINT c] UNIQUE (cols): DSQL wants an async unique index, then UNIQUE USING INDEX. */
export default defineRule({
  id: "unique-added-later",
  title: "UNIQUE constraint added to an existing table",
  severity: "blocker",
  category: "constraints",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.ALTER_TABLE,
  why: "DSQL cannot build a unique constraint's index inside ALTER TABLE: `ADD CONSTRAINT … UNIQUE (cols)` is rejected. Since 2026-04-20 an existing, valid unique index can be attached with `UNIQUE USING INDEX`.",
  fix: "Declare the UNIQUE constraint inside CREATE TABLE, or run `CREATE UNIQUE INDEX ASYNC idx ON t (cols)`, wait for the job, then `ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX idx`.",
  catalogRows: [29],
  example: {
    bad: "ALTER TABLE ONLY customer ADD CONSTRAINT customer_email_key UNIQUE (email);",
    good: "CREATE UNIQUE INDEX ASYNC customer_email_key ON customer (email);\n-- after the job completes:\nALTER TABLE customer ADD CONSTRAINT customer_email_key UNIQUE USING INDEX customer_email_key;",
  },
  kinds: ["AlterTableStmt"],
  checkStatement({ stmt, builder, targetDate, report }) {
    const n = stmt.node;
    const usingIndexSupported = isSupported(CAPABILITIES.uniqueUsingIndex, targetDate);
    for (const cmd of tableCommands(n)) {
      const con = cmd.def?.Constraint;
      if (cmd.subtype !== "AT_AddConstraint" || con?.contype !== "CONSTR_UNIQUE") continue;
      if (con.indexname && usingIndexSupported) continue;
      const t = tableRef(builder, n.relation);
      const cols = (con.keys ?? []).map((k: AstNode) => k.String?.sval).join(", ");
      report({
        message: con.indexname
          ? `UNIQUE USING INDEX ${con.indexname} on ${t.schema}.${t.name} is not supported before ${CAPABILITIES.uniqueUsingIndex.since}; declare the constraint in CREATE TABLE`
          : `UNIQUE constraint ${con.conname ? `${con.conname} ` : ""}(${cols}) is added to ${t.schema}.${t.name} after CREATE TABLE; ${
              usingIndexSupported
                ? "create a UNIQUE INDEX ASYNC, then ADD CONSTRAINT … UNIQUE USING INDEX"
                : "declare it inside CREATE TABLE"
            }`,
        location: commandLocation(n, cmd),
        object: constraintRef(t, con.conname ?? `unique (${cols})`),
      });
    }
  },
});
