import { bodyHasStatement, callSites } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "listen-notify",
  title: "LISTEN / NOTIFY",
  severity: "blocker",
  category: "workload",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL has no LISTEN/NOTIFY channel; LISTEN, NOTIFY, UNLISTEN and pg_notify() fail, so cache invalidation or job wake-ups built on them stop.",
  fix: "Publish events to SNS/SQS/EventBridge from the application, or consume DSQL CDC streams (Kinesis).",
  catalogRows: [96],
  example: {
    bad: "NOTIFY film_changed, '42';",
    good: "-- after COMMIT: sns.publish(topic, { film_id: 42 })",
  },
  kinds: [
    "ListenStmt",
    "NotifyStmt",
    "UnlistenStmt",
    ...["SelectStmt", "InsertStmt", "UpdateStmt", "DeleteStmt", "ViewStmt", "CreateFunctionStmt", "DoStmt", "CallStmt"],
  ],
  checkStatement(ctx) {
    const { stmt, report } = ctx;
    const n = stmt.node;
    if (stmt.kind === "ListenStmt" || stmt.kind === "NotifyStmt" || stmt.kind === "UnlistenStmt") {
      const verb = stmt.kind.replace("Stmt", "").toUpperCase();
      report({ message: `${verb} ${n.conditionname ?? "*"} is not supported`, object: { kind: "channel", name: n.conditionname ?? "*" } });
      return;
    }
    for (const call of callSites(ctx, (name) => name === "pg_notify"))
      report({ message: "pg_notify() is not supported", location: call.location });
    if (stmt.kind === "CreateFunctionStmt" || stmt.kind === "DoStmt") {
      if (bodyHasStatement(ctx, "NotifyStmt", "notify") || bodyHasStatement(ctx, "ListenStmt", "listen"))
        report({ message: "the routine body uses LISTEN/NOTIFY, which DSQL does not support" });
    }
  },
});
