import type { AstNode } from "@/lib/ingest/parse";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** Role options DSQL rejects, as libpg-query names them → how to write them in a message. */
const REJECTED: Record<string, string> = {
  password: "PASSWORD",
  encryptedpassword: "ENCRYPTED PASSWORD",
  unencryptedpassword: "UNENCRYPTED PASSWORD",
  validuntil: "VALID UNTIL",
  superuser: "SUPERUSER",
  createdb: "CREATEDB",
  isreplication: "REPLICATION",
  bypassrls: "BYPASSRLS",
  connectionlimit: "CONNECTION LIMIT",
};

/** Negated forms (NOSUPERUSER …) are written as the same option with a false value. */
function spelled(d: AstNode): string {
  const name = REJECTED[String(d.defname).toLowerCase()];
  if (d.arg?.Boolean && !d.arg.Boolean.boolval) return `NO${name}`;
  return name;
}

export default defineRule({
  id: "role-attributes",
  title: "Role password or privileged attribute",
  severity: "blocker",
  category: "security-and-roles",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.ROLES,
  why: "DSQL authenticates with IAM tokens, not passwords, and does not support role attributes such as SUPERUSER, CREATEDB, REPLICATION, BYPASSRLS or CONNECTION LIMIT on CREATE/ALTER ROLE.",
  fix: "Create the role with `CREATE ROLE name WITH LOGIN`, then map it to an IAM identity with `AWS IAM GRANT name TO 'arn:aws:iam::…:role/…'`. Give privileges with GRANT instead of attributes.",
  catalogRows: [11, "Q:max-connections-per-role-connection-limit"],
  example: {
    bad: "CREATE ROLE app WITH LOGIN PASSWORD 'secret' CONNECTION LIMIT 20;",
    good: "CREATE ROLE app WITH LOGIN;\nAWS IAM GRANT app TO 'arn:aws:iam::123456789012:role/app';",
  },
  kinds: ["CreateRoleStmt", "AlterRoleStmt"],
  checkStatement({ stmt, report }) {
    const n = stmt.node;
    const bad: AstNode[] = (n.options ?? [])
      .map((o: AstNode) => o.DefElem)
      .filter((d: AstNode | undefined) => d && String(d.defname).toLowerCase() in REJECTED);
    if (bad.length === 0) return;
    const role = stmt.kind === "CreateRoleStmt" ? n.role : (n.role?.rolename ?? "CURRENT_ROLE");
    const verb = stmt.kind === "CreateRoleStmt" ? "CREATE" : "ALTER";
    report({
      message: `${verb} ROLE ${role} uses ${bad.map(spelled).join(", ")}; DSQL roles sign in with IAM tokens and do not support these attributes`,
      location: bad[0].location,
      object: { kind: "role", name: role },
    });
  },
});
