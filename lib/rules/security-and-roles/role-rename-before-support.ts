import { CAPABILITIES } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "role-rename-before-support",
  title: "ALTER ROLE/USER … RENAME before DSQL supported it",
  severity: "blocker",
  category: "security-and-roles",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.RN,
  why: "Before 2026-04-24 DSQL could not rename roles.",
  fix: "Target 2026-04-24 or later, or create the role under its new name, re-grant, and drop the old one.",
  appliesUntil: CAPABILITIES.defaultPrivileges,
  catalogRows: [82],
  example: {
    bad: "ALTER ROLE app RENAME TO app_rw;",
    good: "CREATE ROLE app_rw WITH LOGIN; GRANT app TO app_rw; -- then move grants and drop app",
  },
  kinds: ["RenameStmt"],
  checkStatement({ stmt, report }) {
    const n = stmt.node;
    if (n.renameType !== "OBJECT_ROLE") return;
    report({
      message: `renaming role ${n.subname} is not supported before ${CAPABILITIES.defaultPrivileges.since}`,
      object: { kind: "role", name: n.subname },
    });
  },
});
