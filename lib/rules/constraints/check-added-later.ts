import { commandLocation, constraintRef, tableCommands, tableRef } from "../core/ddl-helpers";
import { CAPABILITIES, isSupported } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/**
 * ALTER TABLE … ADD CHECK. Since 2026-08-03 DSQL takes it as NOT VALID + async validation;
 * before, not at all (even NOT VALID), so a CHECK had to be declared in CREATE TABLE.
 */
export default defineRule({
  id: "check-added-later",
  title: "CHECK constraint added to an existing table",
  severity: "blocker",
  category: "constraints",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.ALTER_TABLE,
  why: "DSQL adds a CHECK constraint to an existing table only with NOT VALID followed by `ALTER TABLE ASYNC … VALIDATE CONSTRAINT` (since 2026-08-03; before that, not at all).",
  fix: "Declare the CHECK inside CREATE TABLE, or append NOT VALID and run `ALTER TABLE ASYNC t VALIDATE CONSTRAINT name`.",
  catalogRows: [28],
  example: {
    bad: "ALTER TABLE film ADD CONSTRAINT film_length_check CHECK (length > 0);",
    good: "ALTER TABLE film ADD CONSTRAINT film_length_check CHECK (length > 0) NOT VALID;\nALTER TABLE ASYNC film VALIDATE CONSTRAINT film_length_check;",
  },
  kinds: ["AlterTableStmt"],
  checkStatement({ stmt, builder, targetDate, report }) {
    const n = stmt.node;
    const notValidSupported = isSupported(CAPABILITIES.notValidChecks, targetDate);
    for (const cmd of tableCommands(n)) {
      const con = cmd.def?.Constraint;
      if (cmd.subtype !== "AT_AddConstraint" || con?.contype !== "CONSTR_CHECK") continue;
      if (notValidSupported && con.skip_validation) continue;
      const t = tableRef(builder, n.relation);
      const what = `CHECK constraint ${con.conname ? `${con.conname} ` : ""}is added to ${t.schema}.${t.name} after CREATE TABLE`;
      report({
        message: notValidSupported
          ? `${what} without NOT VALID; DSQL needs NOT VALID, then ALTER TABLE ASYNC … VALIDATE CONSTRAINT`
          : `${what}; DSQL before ${CAPABILITIES.notValidChecks.since} only accepts CHECK constraints inside CREATE TABLE`,
        location: commandLocation(n, cmd),
        object: constraintRef(t, con.conname ?? "check"),
      });
    }
  },
});
