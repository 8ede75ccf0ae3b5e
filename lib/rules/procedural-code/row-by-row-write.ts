import { astLocation, routineBodyOf } from "@/lib/ingest/routine-body";
import { CAPABILITIES } from "../core/capabilities";
import { statementClass } from "../core/statement-kinds";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "row-by-row-write",
  title: "Writes inside a PL/pgSQL loop",
  severity: "advice",
  category: "procedural-code",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.QUOTAS,
  why: "A routine call is one transaction on DSQL. Writing row by row inside a loop counts every row against the 3,000-row and 10 MiB transaction limits, and every row written is another chance of an optimistic-concurrency conflict (40001) at commit.",
  fix: "Replace the loop with one set-based INSERT … SELECT / UPDATE … FROM; when the row count can exceed 3,000, batch from the application (or COMMIT between batches in a procedure) and retry on 40001.",
  catalogRows: [92],
  appliesFrom: CAPABILITIES.plpgsql,
  example: {
    bad: "CREATE FUNCTION copy_rows() RETURNS void LANGUAGE plpgsql AS $$ DECLARE r record; BEGIN FOR r IN SELECT id FROM a LOOP INSERT INTO b VALUES (r.id); END LOOP; END $$;",
    good: "CREATE FUNCTION copy_rows() RETURNS void LANGUAGE plpgsql AS $$ BEGIN INSERT INTO b SELECT id FROM a; END $$;",
  },
  kinds: ["CreateFunctionStmt", "DoStmt"],
  checkStatement({ stmt, report }) {
    // One finding per routine: the first write in a loop stands for the pattern.
    const first = routineBodyOf(stmt)?.statements.find((e) => e.inLoop && !e.expression && statementClass(e.stmt.kind) === "dml");
    if (!first) return;
    const verb = first.stmt.kind.replace(/Stmt$/, "").toUpperCase();
    report({
      message: `${verb} inside a loop writes row by row in one transaction (DSQL: ≤ 3,000 rows and ≤ 10 MiB per transaction, optimistic concurrency)`,
      location: astLocation(stmt, first.at),
    });
  },
});
