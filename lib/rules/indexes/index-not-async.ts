import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "index-not-async",
  title: "CREATE INDEX without ASYNC",
  severity: "blocker",
  category: "indexes",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.CREATE_INDEX,
  why: "DSQL builds every index asynchronously and rejects CREATE INDEX without the ASYNC keyword, even on an empty table (`unsupported mode. please use CREATE INDEX ASYNC.`).",
  fix: "Write `CREATE [UNIQUE] INDEX ASYNC …`; the statement returns a job id. Wait for it with `CALL sys.wait_for_job('<job_id>')` before relying on the index.",
  catalogRows: [40],
  example: {
    bad: "CREATE INDEX idx_film_title ON film (title);",
    good: "CREATE INDEX ASYNC idx_film_title ON film (title);",
  },
  kinds: ["IndexStmt"],
  checkStatement({ stmt, report }) {
    if (stmt.async) return;
    report({ message: `index ${stmt.node.idxname ?? "(unnamed)"} must be created with CREATE INDEX ASYNC` });
  },
});
