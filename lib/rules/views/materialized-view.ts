import { strings } from "@/lib/ingest/ast";
import { namedObject, relObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "materialized-view",
  title: "Materialized view",
  severity: "blocker",
  category: "views",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.MIG,
  why: "DSQL has no materialized views (`unsupported statement: CreateTableAs`); REFRESH and DROP MATERIALIZED VIEW fail too.",
  fix: "Use a regular view when it is fast enough, or a summary table the application (or a scheduled job) refreshes in ≤ 3,000-row transactions.",
  catalogRows: [72],
  example: {
    bad: "CREATE MATERIALIZED VIEW rental_by_category AS SELECT … ; REFRESH MATERIALIZED VIEW rental_by_category;",
    good: "CREATE VIEW rental_by_category AS SELECT … ;",
  },
  kinds: ["CreateTableAsStmt", "RefreshMatViewStmt", "DropStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (stmt.kind === "CreateTableAsStmt") {
      if (n.objtype !== "OBJECT_MATVIEW") return;
      const obj = relObject(builder, n.into?.rel, "materialized-view");
      report({ message: `materialized view ${obj.name} is not supported`, object: obj });
    } else if (stmt.kind === "RefreshMatViewStmt") {
      const obj = relObject(builder, n.relation, "materialized-view");
      report({ message: `REFRESH MATERIALIZED VIEW ${obj.name} is not supported`, object: obj });
    } else if (n.removeType === "OBJECT_MATVIEW") {
      for (const o of n.objects ?? []) {
        const obj = namedObject(builder, strings(o.List?.items), "materialized-view");
        report({ message: `DROP MATERIALIZED VIEW ${obj.name} is not supported`, object: obj });
      }
    }
  },
});
