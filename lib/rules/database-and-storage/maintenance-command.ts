import { tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";
import type { AstNode } from "@/lib/ingest/parse";

/** VACUUM, CLUSTER and REINDEX. A plain ANALYZE is accepted (in a transaction it is analyze-in-transaction's business). */
export default defineRule({
  id: "maintenance-command",
  title: "VACUUM / CLUSTER / REINDEX",
  severity: "blocker",
  category: "database-and-storage",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL needs no vacuuming and keeps every table stored in primary-key order, so VACUUM, CLUSTER and REINDEX are not supported; scripts that run them fail.",
  fix: "Remove the command. Keep `ANALYZE table` (outside a transaction) if fresh planner statistics are needed after a load.",
  catalogRows: [9],
  example: {
    bad: "VACUUM ANALYZE rental;",
    good: "ANALYZE rental;",
  },
  kinds: ["VacuumStmt", "ClusterStmt", "ReindexStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (stmt.kind === "VacuumStmt") {
      if (!n.is_vacuumcmd) return;
      const rels: AstNode[] = (n.rels ?? []).map((r: AstNode) => r.VacuumRelation?.relation).filter(Boolean);
      const analyze = (n.options ?? []).some((o: AstNode) => String(o.DefElem?.defname).toLowerCase() === "analyze");
      const names = rels.map((r) => tableRef(builder, r).name).join(", ");
      report({
        message: `VACUUM${names ? ` ${names}` : ""} is not supported on DSQL, which needs no vacuuming${analyze ? "; keep a plain ANALYZE if statistics matter" : ""}`,
        location: rels[0]?.location,
        object: rels.length === 1 ? tableRef(builder, rels[0]) : { kind: "statement", name: "VACUUM" },
      });
    } else if (stmt.kind === "ClusterStmt") {
      const t = n.relation ? tableRef(builder, n.relation) : undefined;
      report({
        message: `CLUSTER${t ? ` ${t.name}` : ""} is not supported; DSQL always stores rows in primary-key order`,
        location: n.relation?.location,
        object: t ?? { kind: "statement", name: "CLUSTER" },
      });
    } else {
      const target = n.relation ? tableRef(builder, n.relation) : undefined;
      const what = String(n.kind ?? "")
        .replace("REINDEX_OBJECT_", "")
        .toLowerCase();
      const name = target?.name ?? n.name ?? "";
      report({
        message: `REINDEX ${what} ${name} is not supported; DSQL maintains its indexes itself`.replace("  ", " "),
        location: n.relation?.location,
        object: target ? { ...target, kind: what === "index" ? "index" : "table" } : { kind: "statement", name: `REINDEX ${name}`.trim() },
      });
    }
  },
});
