import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-temporary-table",
  title: "Temporary tables",
  severity: "blocker",
  effort: "medium",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL does not support temporary tables.",
  fix: "Use a CTE, a VALUES list, or a regular table keyed by session id and cleaned up afterwards.",
  catalogRows: [15],
  example: { bad: "CREATE TEMP TABLE ids (id int);", good: "WITH ids(id) AS (VALUES ($1), ($2)) SELECT …" },
  match: (s) => {
    const rel = s.node?.relation ?? s.node?.into?.rel ?? s.node?.intoClause?.rel;
    return (s.nodeType === "CreateStmt" || s.nodeType === "CreateTableAsStmt" || s.nodeType === "SelectStmt") && rel?.relpersistence === "t"
      ? "the application creates temporary tables"
      : undefined;
  },
});
