import { tableCommands, tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** ALTER TABLE sub-commands DSQL has no form of, and what each one did. Row-level security is row-level-security's. */
const ACTIONS: Record<string, string> = {
  AT_EnableTrig: "ENABLE TRIGGER",
  AT_EnableAlwaysTrig: "ENABLE ALWAYS TRIGGER",
  AT_EnableReplicaTrig: "ENABLE REPLICA TRIGGER",
  AT_DisableTrig: "DISABLE TRIGGER",
  AT_EnableTrigAll: "ENABLE TRIGGER ALL",
  AT_DisableTrigAll: "DISABLE TRIGGER ALL",
  AT_EnableTrigUser: "ENABLE TRIGGER USER",
  AT_DisableTrigUser: "DISABLE TRIGGER USER",
  AT_EnableRule: "ENABLE RULE",
  AT_EnableAlwaysRule: "ENABLE ALWAYS RULE",
  AT_EnableReplicaRule: "ENABLE REPLICA RULE",
  AT_DisableRule: "DISABLE RULE",
  AT_ReplicaIdentity: "REPLICA IDENTITY",
  AT_SetLogged: "SET LOGGED",
  AT_SetUnLogged: "SET UNLOGGED",
  AT_ClusterOn: "CLUSTER ON",
  AT_DropCluster: "SET WITHOUT CLUSTER",
  AT_AddInherit: "INHERIT",
  AT_DropInherit: "NO INHERIT",
  AT_DropOids: "SET WITHOUT OIDS",
  AT_AddOf: "OF type",
  AT_DropOf: "NOT OF",
  AT_SetAccessMethod: "SET ACCESS METHOD",
};

const REPLICA_IDENTITY: Record<string, string> = { f: "FULL", d: "DEFAULT", n: "NOTHING", i: "USING INDEX" };

export default defineRule({
  id: "unsupported-alter-table-action",
  title: "ALTER TABLE action DSQL does not have",
  severity: "blocker",
  category: "tables",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.ALTER_TABLE,
  why: "DSQL's ALTER TABLE has no trigger or rule switches, REPLICA IDENTITY, SET LOGGED/UNLOGGED, CLUSTER ON, inheritance or typed-table forms: the features they control do not exist there.",
  fix: "Remove the action. Replace what it was for: DSQL has no triggers or rules to switch, change data capture goes through CDC streams, and storage is always primary-key ordered and durable.",
  catalogRows: [37],
  example: {
    bad: "ALTER TABLE rental REPLICA IDENTITY FULL;",
    good: "-- remove; consume changes through a DSQL CDC stream instead",
  },
  kinds: ["AlterTableStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    for (const cmd of tableCommands(n)) {
      const action = ACTIONS[cmd.subtype];
      if (!action) continue;
      const t = tableRef(builder, n.relation);
      const ri = cmd.def?.ReplicaIdentityStmt;
      const detail = ri
        ? ` ${REPLICA_IDENTITY[ri.identity_type] ?? ""}${ri.name ? ` ${ri.name}` : ""}`.trimEnd()
        : cmd.name
          ? ` ${cmd.name}`
          : "";
      // pg_dump --disable-triggers wraps each table's rows in DISABLE/ENABLE TRIGGER ALL: restore scaffolding the
      // rewrite drops, as DSQL runs no user triggers (and foreign keys stay enforced there either way).
      const scaffolding = cmd.subtype === "AT_DisableTrigAll" || cmd.subtype === "AT_EnableTrigAll";
      report({
        message: `ALTER TABLE ${t.schema}.${t.name} ${action}${detail} is not supported on DSQL${scaffolding ? " (pg_dump --disable-triggers writes it around a table's rows; the rewrite drops it)" : ""}`,
        ...(scaffolding ? { fix: "auto" as const } : {}),
        location: n.relation?.location,
        object: cmd.subtype.includes("Trig") && cmd.name ? { kind: "trigger", schema: t.schema, name: `${t.name}.${cmd.name}` } : t,
      });
    }
  },
});
