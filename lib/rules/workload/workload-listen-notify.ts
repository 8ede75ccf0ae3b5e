import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

export default defineWorkloadRule({
  id: "workload-listen-notify",
  title: "LISTEN / NOTIFY",
  severity: "blocker",
  effort: "significant",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL has no LISTEN/NOTIFY channel between sessions.",
  fix: "Publish events through a queue (SQS, EventBridge, Kinesis via CDC) instead of NOTIFY.",
  catalogRows: [],
  example: { bad: "NOTIFY jobs, 'new';", good: "-- publish to SQS from the application after COMMIT" },
  match: (s) =>
    ["ListenStmt", "NotifyStmt", "UnlistenStmt"].includes(s.nodeType)
      ? `the application runs ${s.nodeType.replace("Stmt", "").toUpperCase()}`
      : s.functions.includes("pg_notify")
        ? "the application calls pg_notify()"
        : undefined,
});
