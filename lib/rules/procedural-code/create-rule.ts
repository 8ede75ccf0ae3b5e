// The rule id is "rule" (catalog row 71); the file is named create-rule.ts because rule.ts is the framework.
import { relObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "create-rule",
  title: "Query rewrite rule (CREATE RULE)",
  severity: "blocker",
  category: "procedural-code",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.SYSTEM_TABLES,
  why: "DSQL has no rewrite rules (pg_rewrite / pg_rules do not apply). Rules that redirect writes (e.g. into partitions or through views) silently stop doing so.",
  fix: "Use a simple auto-updatable view, or perform the redirected write in application code.",
  catalogRows: [71],
  example: {
    bad: "CREATE RULE film_insert AS ON INSERT TO film_view DO INSTEAD INSERT INTO film VALUES (NEW.*);",
    good: "-- make film_view a simple view (auto-updatable), or insert into film directly",
  },
  kinds: ["RuleStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    const t = relObject(builder, n.relation);
    report({
      message: `rule ${n.rulename} on ${t.name} is not supported`,
      object: { kind: "rule", schema: t.schema, name: `${t.name}.${n.rulename}` },
    });
  },
});
