import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "grant-on-database",
  title: "GRANT/REVOKE on DATABASE",
  severity: "blocker",
  category: "security-and-roles",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.UNSUPPORTED,
  why: "DSQL rejects database-level privileges (`unsupported object type in GRANT`); there is one database and connecting is governed by IAM.",
  fix: "Drop the statement; control connection with IAM (`AWS IAM GRANT role TO '<arn>'`) and data access with schema and table grants.",
  catalogRows: [78],
  example: {
    bad: "GRANT CONNECT ON DATABASE app TO reporting;",
    good: "GRANT USAGE ON SCHEMA app TO reporting; GRANT SELECT ON ALL TABLES IN SCHEMA app TO reporting;",
  },
  kinds: ["GrantStmt"],
  checkStatement({ stmt, report }) {
    const n = stmt.node;
    if (n.objtype !== "OBJECT_DATABASE") return;
    const db = (n.objects ?? []).map((o: any) => o.String?.sval).join(", ");
    report({ message: `${n.is_grant ? "GRANT" : "REVOKE"} on DATABASE ${db} is not supported`, object: { kind: "database", name: db } });
  },
});
