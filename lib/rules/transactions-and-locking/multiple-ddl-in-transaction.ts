import { statementClass } from "../core/statement-kinds";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** A second DDL statement inside one BEGIN … COMMIT; reported once per transaction, at that statement. */
export default defineRule({
  id: "multiple-ddl-in-transaction",
  title: "More than one DDL statement in a transaction",
  severity: "blocker",
  category: "transactions-and-locking",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.DDL,
  why: "DSQL runs at most one DDL statement per transaction (`multiple ddl statements not supported in a transaction`); GRANT and REVOKE count as DDL. A single ALTER TABLE with several actions is one statement.",
  fix: "Run each DDL statement in its own transaction (autocommit, or its own BEGIN … COMMIT); migration tools need per-statement transactions for DSQL.",
  catalogRows: [38, "Q:ddl-statements-per-transaction"],
  example: {
    bad: "BEGIN;\nCREATE TABLE a (id uuid PRIMARY KEY);\nCREATE TABLE b (id uuid PRIMARY KEY);\nCOMMIT;",
    good: "CREATE TABLE a (id uuid PRIMARY KEY);\nCREATE TABLE b (id uuid PRIMARY KEY);",
  },
  checkStatement({ stmt, txn, report }) {
    if (!txn.open || txn.ddl !== 1 || statementClass(stmt.kind) !== "ddl") return;
    report({
      message: `the transaction begun at line ${txn.beginLine} holds more than one DDL statement; DSQL allows one DDL statement per transaction`,
    });
  },
});
