import { strings } from "@/lib/ingest/ast";
import { relObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "row-level-security",
  title: "Row-level security",
  severity: "blocker",
  category: "security-and-roles",
  fixKind: "manual",
  effort: "significant",
  docsUrl: SOURCES.CREATE_VIEW,
  why: '"Aurora DSQL does not currently support row-level security": CREATE/ALTER/DROP POLICY and ALTER TABLE … ENABLE/FORCE ROW LEVEL SECURITY fail, so tenant isolation enforced by policies disappears.',
  fix: "Enforce tenant filtering in the application's queries, or expose per-tenant views (security_barrier) and grant roles only those views; separate schemas or clusters for strong isolation.",
  catalogRows: [77],
  example: {
    bad: "ALTER TABLE account ENABLE ROW LEVEL SECURITY; CREATE POLICY tenant ON account USING (tenant_id = current_setting('app.tenant')::int);",
    good: "CREATE VIEW my_account WITH (security_barrier) AS SELECT * FROM account WHERE tenant_id = current_setting('app.tenant')::int;",
  },
  kinds: ["CreatePolicyStmt", "AlterPolicyStmt", "AlterTableStmt", "DropStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (stmt.kind === "CreatePolicyStmt" || stmt.kind === "AlterPolicyStmt") {
      const t = relObject(builder, n.table);
      report({
        message: `${stmt.kind === "CreatePolicyStmt" ? "policy" : "ALTER POLICY"} ${n.policy_name} on ${t.name} is not supported (no row-level security)`,
        object: { kind: "policy", schema: t.schema, name: `${t.name}.${n.policy_name}` },
      });
    } else if (stmt.kind === "DropStmt") {
      if (n.removeType !== "OBJECT_POLICY") return;
      for (const o of n.objects ?? []) {
        const parts = strings(o.List?.items);
        report({
          message: `DROP POLICY ${parts[parts.length - 1]} is not supported (no row-level security)`,
          object: { kind: "policy", name: parts.join(".") },
        });
      }
    } else if (n.objtype === "OBJECT_TABLE") {
      for (const c of n.cmds ?? []) {
        const sub = c.AlterTableCmd?.subtype;
        if (sub !== "AT_EnableRowSecurity" && sub !== "AT_ForceRowSecurity") continue;
        const t = relObject(builder, n.relation);
        report({
          message: `ALTER TABLE ${t.name} ${sub === "AT_EnableRowSecurity" ? "ENABLE" : "FORCE"} ROW LEVEL SECURITY is not supported`,
          object: t,
        });
      }
    }
  },
});
