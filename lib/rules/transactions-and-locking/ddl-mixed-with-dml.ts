import { statementClass } from "../core/statement-kinds";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** DDL and DML in one BEGIN … COMMIT; reported once per transaction, where the mix first appears. */
export default defineRule({
  id: "ddl-mixed-with-dml",
  title: "DDL and DML in the same transaction",
  severity: "blocker",
  category: "transactions-and-locking",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.DDL,
  why: "DSQL does not allow schema changes and data changes in one transaction (`ddl and dml are not supported in the same transaction`); GRANT and REVOKE count as DDL.",
  fix: "Commit the DDL on its own, then run the INSERT/UPDATE/DELETE/COPY in separate transactions (batches of at most 3,000 rows).",
  catalogRows: [38, 83],
  example: {
    bad: "BEGIN;\nCREATE TABLE language (id uuid PRIMARY KEY, name text);\nINSERT INTO language (id, name) VALUES (gen_random_uuid(), 'English');\nCOMMIT;",
    good: "CREATE TABLE language (id uuid PRIMARY KEY, name text);\nBEGIN;\nINSERT INTO language (id, name) VALUES (gen_random_uuid(), 'English');\nCOMMIT;",
  },
  checkStatement({ stmt, txn, report }) {
    if (!txn.open) return;
    const cls = statementClass(stmt.kind);
    if (cls === "ddl" && txn.ddl === 0 && txn.dml > 0) {
      report({
        message: `DDL follows data changes in the transaction begun at line ${txn.beginLine}; DSQL cannot mix DDL and DML in one transaction`,
      });
    } else if (cls === "dml" && txn.dml === 0 && txn.ddl > 0) {
      report({
        message: `data changes follow DDL in the transaction begun at line ${txn.beginLine}; DSQL cannot mix DDL and DML in one transaction`,
      });
    }
  },
});
