import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";
import { rowsWritten } from "@/lib/ingest/parse";

const ROW_LIMIT = 3000;

export default defineRule({
  id: "transaction-row-limit",
  title: "More than 3,000 rows written in one transaction",
  severity: "blocker",
  category: "limits",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.QUOTAS,
  why: "A DSQL transaction may modify at most 3,000 rows (`transaction row limit exceeded`); an INSERT … VALUES or a COPY … FROM stdin with more rows, or a BEGIN … COMMIT whose inserts add up past it, fails.",
  fix: "Split the rows into transactions of 500–1,000 rows each (one INSERT … VALUES or COPY per batch, committed separately).",
  catalogRows: [92, "Q:rows-modified-per-transaction"],
  example: {
    bad: "BEGIN; INSERT INTO track VALUES (…), … 3,503 rows …; COMMIT;",
    good: "INSERT INTO track VALUES … 1,000 rows …; -- ×4, each committed on its own",
  },
  exampleAtScale: () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `(${i + 1}, 'track ${i + 1}')`).join(", ");
    return { bad: `BEGIN;\nINSERT INTO track VALUES ${values(3503)};\nCOMMIT;`, good: `INSERT INTO track VALUES ${values(1000)};` };
  },
  kinds: ["InsertStmt", "CopyStmt"],
  checkStatement({ stmt, txn, report }) {
    // pg_dump writes data as COPY … FROM stdin by default: one data line per row.
    const rows = rowsWritten(stmt);
    if (rows === 0) return;
    const verb = stmt.kind === "CopyStmt" ? "COPY" : "INSERT";
    const table = stmt.node.relation?.relname;
    if (txn.open) {
      const before = txn.valuesRows;
      const after = before + rows;
      // Report once per transaction: at the statement that crosses the limit.
      if (before <= ROW_LIMIT && after > ROW_LIMIT) {
        report({
          message: `the transaction begun on line ${txn.beginLine} inserts ${after} rows by this ${verb} into ${table}; DSQL allows 3,000 per transaction`,
          evidence: { rows: after },
        });
      }
    } else if (rows > ROW_LIMIT) {
      report({
        message: `${verb} into ${table} writes ${rows} rows in one statement; DSQL allows 3,000 per transaction`,
        evidence: { rows },
      });
    }
  },
});
