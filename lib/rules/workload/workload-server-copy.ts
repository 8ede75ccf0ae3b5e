import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-server-copy",
  title: "Server-side COPY",
  severity: "blocker",
  effort: "simple",
  docsUrl: SOURCES.LOADING,
  why: "DSQL supports COPY FROM STDIN (psql \\copy) but not COPY to or from a server file or program.",
  fix: "Use COPY … FROM STDIN / TO STDOUT through the client (psql \\copy, the driver's copy API).",
  catalogRows: [],
  example: { bad: "COPY t FROM '/data/t.csv';", good: "\\copy t FROM 't.csv'" },
  match: (s) =>
    s.nodeType === "CopyStmt" && (s.node?.filename || s.node?.is_program)
      ? "the application runs COPY with a server-side file or program"
      : undefined,
});
