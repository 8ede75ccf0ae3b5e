import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "trigger",
  title: "Trigger",
  severity: "blocker",
  category: "procedural-code",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.MIG,
  why: "DSQL does not support triggers (`CREATE TRIGGER not supported`), including constraint triggers. Whatever the trigger did silently must now happen somewhere else.",
  fix: "Move the logic into the application's write path (or a SQL function the application calls). For audit or fan-out, consume DSQL CDC streams (Kinesis) and act in a Lambda.",
  catalogRows: [69],
  example: {
    bad: "CREATE TRIGGER last_updated BEFORE UPDATE ON film FOR EACH ROW EXECUTE FUNCTION last_updated();",
    good: "-- set last_update = now() in the application's UPDATE statements",
  },
  kinds: ["CreateTrigStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    const table = builder.qualify({ schema: n.relation?.schemaname, name: n.relation?.relname ?? "" });
    report({
      message: `${n.isconstraint ? "constraint trigger" : "trigger"} ${n.trigname} on ${table.schema}.${table.name} is not supported`,
      object: { kind: "trigger", schema: table.schema, name: `${table.name}.${n.trigname}` },
    });
  },
});
