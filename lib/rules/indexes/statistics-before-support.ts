import { strings } from "@/lib/ingest/ast";
import { CAPABILITIES } from "../core/capabilities";
import { namedObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "statistics-before-support",
  title: "Extended statistics before DSQL supported them",
  severity: "blocker",
  category: "indexes",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.CREATE_STATISTICS,
  why: "Before 2026-08-27 DSQL rejected CREATE/ALTER/DROP STATISTICS.",
  fix: "Target 2026-08-27 or later (at most 5 per table, target ≤ 100), or drop the statement: it only guides the planner.",
  appliesUntil: CAPABILITIES.statistics,
  catalogRows: [76],
  example: {
    bad: "CREATE STATISTICS addr_city_zip ON city, postal_code FROM address;",
    good: "-- omit; the planner works without extended statistics",
  },
  kinds: ["CreateStatsStmt", "AlterStatsStmt", "DropStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (stmt.kind === "DropStmt" && n.removeType !== "OBJECT_STATISTIC_EXT") return;
    const parts = stmt.kind === "DropStmt" ? strings(n.objects?.[0]?.List?.items) : strings(n.defnames);
    const verb = stmt.kind === "CreateStatsStmt" ? "CREATE" : stmt.kind === "AlterStatsStmt" ? "ALTER" : "DROP";
    report({
      message: `${verb} STATISTICS ${parts.join(".")} is not supported before ${CAPABILITIES.statistics.since}`,
      object: namedObject(builder, parts, "statistics"),
    });
  },
});
