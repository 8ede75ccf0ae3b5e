import { callSites } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const SLOT_FUNCS = new Set([
  "pg_create_logical_replication_slot",
  "pg_create_physical_replication_slot",
  "pg_drop_replication_slot",
  "pg_logical_slot_get_changes",
  "pg_logical_slot_peek_changes",
  "pg_replication_slot_advance",
]);

export default defineRule({
  id: "logical-replication",
  title: "Logical replication (publications, subscriptions, slots)",
  severity: "blocker",
  category: "database-and-storage",
  fixKind: "manual",
  effort: "significant",
  docsUrl: SOURCES.SYSTEM_TABLES,
  why: "DSQL has no logical replication: publications, subscriptions and replication slots do not exist. Its change stream is CDC to Kinesis (GA 2026-07-08, at most 5 streams per cluster).",
  fix: "Remove the publication/subscription; consume DSQL CDC streams through Kinesis for downstream consumers.",
  catalogRows: [100],
  example: {
    bad: "CREATE PUBLICATION app_pub FOR ALL TABLES;",
    good: "-- enable a DSQL CDC stream to Kinesis for the cluster",
  },
  kinds: [
    "CreatePublicationStmt",
    "AlterPublicationStmt",
    "CreateSubscriptionStmt",
    "AlterSubscriptionStmt",
    "DropSubscriptionStmt",
    "DropStmt",
    "SelectStmt",
  ],
  checkStatement(ctx) {
    const { stmt, report } = ctx;
    const n = stmt.node;
    switch (stmt.kind) {
      case "SelectStmt":
        for (const call of callSites(ctx, (name) => SLOT_FUNCS.has(name)))
          report({ message: `${call.name}() is not supported (no replication slots)`, location: call.location });
        return;
      case "DropStmt":
        if (n.removeType === "OBJECT_PUBLICATION") report({ message: "DROP PUBLICATION is not supported" });
        return;
      default: {
        const pub = stmt.kind.includes("Publication");
        const name = pub ? n.pubname : n.subname;
        const verb = stmt.kind.startsWith("Create") ? "CREATE" : stmt.kind.startsWith("Alter") ? "ALTER" : "DROP";
        report({
          message: `${verb} ${pub ? "PUBLICATION" : "SUBSCRIPTION"} ${name} is not supported; use DSQL CDC streams`,
          object: { kind: pub ? "publication" : "subscription", name },
        });
      }
    }
  },
});
