import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "event-trigger",
  title: "Event trigger",
  severity: "blocker",
  category: "procedural-code",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.SYSTEM_TABLES,
  why: "DSQL has no event triggers (pg_event_trigger does not apply); DDL auditing or automation hooked on them stops.",
  fix: "Drop the event trigger; run the DDL hook from the deployment pipeline, or audit DDL from CloudTrail / migration tooling.",
  catalogRows: [70],
  example: {
    bad: "CREATE EVENT TRIGGER audit_ddl ON ddl_command_end EXECUTE FUNCTION audit_ddl();",
    good: "-- record schema changes in the migration tool instead",
  },
  kinds: ["CreateEventTrigStmt", "AlterEventTrigStmt"],
  checkStatement({ stmt, report }) {
    const n = stmt.node;
    report({
      message: `${stmt.kind === "CreateEventTrigStmt" ? "event trigger" : "ALTER EVENT TRIGGER"} ${n.trigname} is not supported`,
      object: { kind: "event-trigger", name: n.trigname },
    });
  },
});
