import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-cursor",
  title: "Cursors",
  severity: "blocker",
  effort: "medium",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL does not support DECLARE … CURSOR / FETCH. Drivers that stream large results with server-side cursors (psycopg named cursors, JDBC fetchSize in a transaction) issue them.",
  fix: "Page with keyset pagination (WHERE id > $last ORDER BY id LIMIT n), each page in its own short transaction.",
  catalogRows: [],
  example: { bad: "DECLARE c CURSOR FOR SELECT …; FETCH 1000 FROM c;", good: "SELECT … WHERE id > $1 ORDER BY id LIMIT 1000;" },
  match: (s) =>
    ["DeclareCursorStmt", "FetchStmt", "ClosePortalStmt"].includes(s.nodeType) ? "the application uses server-side cursors" : undefined,
});
