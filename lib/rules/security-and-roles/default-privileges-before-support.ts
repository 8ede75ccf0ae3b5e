import { CAPABILITIES } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "default-privileges-before-support",
  title: "ALTER DEFAULT PRIVILEGES before DSQL supported it",
  severity: "blocker",
  category: "security-and-roles",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.SQL,
  why: "Before 2026-04-24 DSQL rejected ALTER DEFAULT PRIVILEGES; objects created later did not get the intended grants.",
  fix: "Target 2026-04-24 or later, or grant explicitly after creating each object.",
  appliesUntil: CAPABILITIES.defaultPrivileges,
  catalogRows: [81],
  example: {
    bad: "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO reporting;",
    good: "GRANT SELECT ON ALL TABLES IN SCHEMA app TO reporting; -- after each deployment",
  },
  kinds: ["AlterDefaultPrivilegesStmt"],
  checkStatement({ report }) {
    report({ message: `ALTER DEFAULT PRIVILEGES is not supported before ${CAPABILITIES.defaultPrivileges.since}` });
  },
});
