import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "public-schema-grant",
  title: "GRANT/REVOKE on schema public",
  severity: "blocker",
  category: "security-and-roles",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.MIG,
  why: "In DSQL the public schema is a system entity: granting or revoking on it fails (`feature not supported on system entity`), and only the admin role can create objects in it. pg_dump emits such statements for the public schema.",
  fix: "Create an application schema as admin, grant USAGE/CREATE on that schema, and put non-admin objects there.",
  catalogRows: [79],
  example: {
    bad: "GRANT USAGE ON SCHEMA public TO app_user;",
    good: "CREATE SCHEMA app; GRANT USAGE, CREATE ON SCHEMA app TO app_user;",
  },
  kinds: ["GrantStmt"],
  checkStatement({ stmt, report }) {
    const n = stmt.node;
    if (n.objtype !== "OBJECT_SCHEMA") return;
    if (!(n.objects ?? []).some((o: any) => o.String?.sval === "public")) return;
    report({
      message: `${n.is_grant ? "GRANT" : "REVOKE"} on schema public is not supported (system entity)`,
      object: { kind: "schema", name: "public" },
    });
  },
});
