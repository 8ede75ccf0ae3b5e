/**
 * Which fix family handles each statement kind. Simple cases (session settings, transaction control,
 * maintenance, objects DSQL does not have) are decided here; everything else goes to lib/rewrite/fixes/.
 */
import { CAPABILITIES, isSupported } from "../rules/core/capabilities";
import { constValue, funcName, rangeVar, strings } from "../ingest/ast";
import { rowsWritten, type ParsedStatement } from "../ingest/parse";
import { key } from "../model/schema";
import type { ObjectRef } from "../rules/core/rule";
import { tokenize } from "./tokens";
import type { Phase } from "./types";
import type { Rewriter, Piece } from "./context";
import { SUGGESTIONS } from "./suggestions";
import { createSequence, alterSequence, insertIntoOldColumns, sequencePosition } from "./fixes/keys";
import { createTable, dataIntoParent } from "./fixes/tables";
import { alterTable } from "./fixes/constraints";
import { index } from "./fixes/indexes";
import { func, retypeUserTypes, domain, definition } from "./fixes/routines";
import { grant, cleanRole, comment } from "./fixes/grants";
import { dropStmt, truncate } from "./fixes/cleanup";
import { followReplacementTypes } from "./fixes/views";

export function process(rw: Rewriter, stmt: ParsedStatement): Piece {
  const n = stmt.node;
  const obj = (kind: string, schema: string | undefined, name: string): ObjectRef => ({ kind, schema, name });
  const sp = rw.sp(stmt);
  switch (stmt.kind) {
    case "VariableSetStmt":
      if (
        (String(n.name).toLowerCase() === "check_function_bodies" && constValue(n.args?.[0]) === false) ||
        (String(n.name).toLowerCase() === "check_function_bodies" && String(constValue(n.args?.[0])).toLowerCase() === "false")
      ) {
        if (!rw.session.length) rw.session.push("SET check_function_bodies = false;");
        return rw.drop(
          rw.piece(stmt, "roles", obj("session", undefined, "check_function_bodies")),
          "replayed once at the top of the script: function bodies are checked when called, as in the source",
          [],
        );
      }
    // falls through
    case "VariableShowStmt":
      return rw.drop(
        rw.piece(stmt, "roles", obj("session", undefined, String(n.name ?? "setting"))),
        String(n.name).toLowerCase() === "search_path"
          ? "search_path is applied per statement in the output (every statement runs under the search_path it was written for)"
          : "session setting for the dump's own restore; not needed on DSQL",
        ["unsupported-session-setting", "newer-postgres-feature", "client-encoding"],
      );
    case "TransactionStmt":
      return rw.drop(
        rw.piece(stmt, "roles", obj("transaction", undefined, String(n.kind))),
        "transaction control is set by the script layout: every DDL statement runs in its own transaction",
        ["multiple-ddl-in-transaction"],
      );
    case "SelectStmt": {
      const fc = n.targetList?.[0]?.ResTarget?.val?.FuncCall;
      const fname = fc ? funcName(fc) : "";
      const p = rw.piece(stmt, "data", obj("statement", undefined, fname || "select"));
      if (fname === "set_config")
        return rw.drop(p, "pg_dump session setup (search_path is applied per statement)", [
          "unsupported-session-setting",
          "newer-postgres-feature",
          "client-encoding",
        ]);
      if (fname === "setval") {
        if (!sequencePosition(rw, stmt, p, fc))
          return rw.drop(p, "the sequence became a uuid key: no counter to position", ["serial-type"]);
        p.data = { rows: 0, note: "sequence position: run after the data load", position: true };
        return p;
      }
      return rw.drop(p, "query in a schema file: not part of the migration", []);
    }
    case "InsertStmt":
    case "UpdateStmt":
    case "DeleteStmt":
    case "MergeStmt":
    case "CopyStmt": {
      const t = rw.qualify(stmt, n.relation);
      const p = rw.piece(stmt, "data", obj("table", t.schema, t.name));
      p.data = { table: key(t), rows: rowsWritten(stmt) };
      // The rows of a COPY … FROM stdin follow the statement in the input: they travel with it.
      if (stmt.copyData) p.data.copyData = rw.fileText(stmt).slice(stmt.copyData.start, stmt.copyData.end);
      if (rw.merged.has(key(t))) {
        p.data.note = `rows go to ${rw.merged.get(key(t))} (partitions merged)`;
        dataIntoParent(rw, stmt, p, n.relation, key(t));
      }
      if (stmt.kind === "InsertStmt") insertIntoOldColumns(rw, p, key(t));
      return p;
    }
    case "TruncateStmt":
      return truncate(rw, stmt);
    case "CreatedbStmt":
    case "DropdbStmt":
    case "AlterDatabaseStmt":
    case "AlterDatabaseSetStmt":
      return rw.drop(
        rw.piece(stmt, "roles", obj("database", undefined, n.dbname ?? "")),
        "a DSQL cluster has one database (postgres); use the cluster endpoint instead",
        ["create-database"],
      );
    case "AlterSystemStmt":
      return rw.drop(rw.piece(stmt, "roles", obj("setting", undefined, "")), "server configuration is managed by DSQL", ["alter-system"]);
    case "VacuumStmt":
    case "ClusterStmt":
    case "ReindexStmt":
    case "CheckPointStmt":
    case "LockStmt":
      return rw.drop(
        rw.piece(stmt, "roles", obj("statement", undefined, stmt.kind.replace(/Stmt$/, ""))),
        "maintenance/locking is not needed (or not available) on DSQL",
        [stmt.kind === "LockStmt" ? "lock-table" : "maintenance-command"],
      );
    case "CreateRoleStmt": {
      rw.roles.add(n.role);
      const p = rw.piece(stmt, "roles", obj("role", undefined, n.role));
      cleanRole(p);
      return p;
    }
    case "AlterRoleStmt":
    case "AlterRoleSetStmt":
    case "DropRoleStmt":
    case "GrantRoleStmt":
      return rw.drop(
        rw.piece(stmt, "roles", obj("role", undefined, "")),
        "role configuration: roles are created and mapped to IAM in the prerequisites phase",
        ["role-attributes"],
      );
    case "CreateSchemaStmt": {
      const p = rw.piece(stmt, "schemas", obj("schema", undefined, n.schemaname ?? n.authrole?.rolename ?? ""));
      if (n.schemaname === "public") return rw.drop(p, "schema public exists on DSQL", []);
      if (n.authrole?.rolename) rw.roles.add(n.authrole.rolename);
      return p;
    }
    case "CreateExtensionStmt": {
      const p = rw.piece(stmt, "schemas", obj("extension", undefined, n.extname));
      rw.markRemoved("extension", undefined, n.extname, `extension ${n.extname}`);
      if (n.extname === "uuid-ossp" || n.extname === "pgcrypto" || n.extname === "plpgsql") {
        return rw.drop(p, `extension ${n.extname}: gen_random_uuid() is built into DSQL; uuid_generate_v4() calls are rewritten`, [
          "extension",
        ]);
      }
      return rw.toManual(p, ["extension"], `extension ${n.extname} has no DSQL equivalent`, SUGGESTIONS.extension);
    }
    case "CreateDomainStmt":
      return domain(rw, stmt);
    case "CreateEnumStmt":
    case "CompositeTypeStmt": {
      const parts = stmt.kind === "CreateEnumStmt" ? strings(n.typeName) : [n.typevar?.schemaname, n.typevar?.relname].filter(Boolean);
      const name = parts[parts.length - 1];
      const p = rw.piece(stmt, "domains", obj("type", parts.length > 1 ? parts[0] : sp, name));
      const rule = stmt.kind === "CreateEnumStmt" ? "enum-type" : "composite-type";
      // Code that builds or casts to the composite cannot keep it: dependents become manual items.
      if (rule === "composite-type") rw.markRemoved("type", parts.length > 1 ? parts[0] : sp, name, `composite type ${name}`);
      return rw.drop(
        p,
        stmt.kind === "CreateEnumStmt"
          ? `enum ${name} becomes text with a CHECK constraint on each column that uses it`
          : `composite type ${name} becomes jsonb on each column that uses it`,
        [rule],
      );
    }
    case "AlterEnumStmt":
      return rw.drop(
        rw.piece(stmt, "domains", obj("type", undefined, strings(n.typeName).pop() ?? "")),
        "enum value added: included in the CHECK constraint that replaces the enum",
        ["enum-type"],
      );
    case "CreateRangeStmt":
    case "DefineStmt":
    case "CreateCastStmt":
    case "CreateOpClassStmt":
    case "CreateOpFamilyStmt":
    case "CreateConversionStmt":
    case "CreateTransformStmt":
    case "AlterTSConfigurationStmt":
    case "AlterTSDictionaryStmt":
    case "CreateStatsStmt":
      return definition(rw, stmt);
    case "CreateSeqStmt":
      return createSequence(rw, stmt);
    case "AlterSeqStmt":
      return alterSequence(rw, stmt);
    case "CreateStmt":
      return createTable(rw, stmt);
    case "AlterTableStmt":
      return alterTable(rw, stmt);
    case "IndexStmt":
      return index(rw, stmt);
    case "ViewStmt": {
      const q = rw.qualify(stmt, n.view);
      const p = rw.piece(stmt, "views", obj("view", q.schema, q.name));
      if (n.view?.relpersistence === "t") {
        const tk = tokenize(stmt.text);
        const k = tk.findIndex((t) => t.value === "TEMP" || t.value === "TEMPORARY");
        if (k > 0) p.sp.removeTokens(tk, k, k, "temporary-view", "DSQL has no temporary views; created as a regular view");
      }
      retypeUserTypes(rw, p);
      followReplacementTypes(rw, p);
      return p;
    }
    case "CreateTableAsStmt": {
      const q = rw.qualify(stmt, n.into?.rel);
      const mat = n.objtype === "OBJECT_MATVIEW";
      const p = rw.piece(stmt, "views", obj(mat ? "materialized view" : "table", q.schema, q.name));
      rw.markRemoved(mat ? "view" : "table", q.schema, q.name, `${mat ? "materialized view" : "table"} ${q.name}`);
      return mat
        ? rw.toManual(p, ["materialized-view"], `materialized view ${q.name}`, SUGGESTIONS["materialized-view"])
        : rw.toManual(p, ["create-table-as"], `CREATE TABLE ${q.name} AS …`, SUGGESTIONS["create-table-as"]);
    }
    case "RefreshMatViewStmt":
      return rw.drop(
        rw.piece(stmt, "data", obj("materialized view", undefined, rangeVar(n.relation).name)),
        "materialized views become manual work items",
        ["materialized-view"],
      );
    case "CreateFunctionStmt":
      return func(rw, stmt);
    case "CreateTrigStmt": {
      const t = rw.qualify(stmt, n.relation);
      const p = rw.piece(stmt, "views", obj("trigger", t.schema, `${t.name}.${n.trigname}`));
      return rw.toManual(p, ["trigger"], `trigger ${n.trigname} on ${t.name} (${strings(n.funcname).join(".")})`, SUGGESTIONS.trigger);
    }
    case "CreateEventTrigStmt":
      return rw.toManual(
        rw.piece(stmt, "views", obj("event trigger", undefined, n.trigname)),
        ["event-trigger"],
        `event trigger ${n.trigname}`,
        SUGGESTIONS["event-trigger"],
      );
    case "RuleStmt": {
      const t = rw.qualify(stmt, n.relation);
      return rw.toManual(
        rw.piece(stmt, "views", obj("rule", t.schema, `${t.name}.${n.rulename}`)),
        ["create-rule"],
        `rule ${n.rulename} on ${t.name}`,
        SUGGESTIONS["create-rule"],
      );
    }
    case "CreatePolicyStmt":
    case "AlterPolicyStmt": {
      const t = rw.qualify(stmt, n.table);
      return rw.toManual(
        rw.piece(stmt, "views", obj("policy", t.schema, `${t.name}.${n.policy_name}`)),
        ["row-level-security"],
        `policy ${n.policy_name} on ${t.name}`,
        SUGGESTIONS["row-level-security"],
      );
    }
    // DO blocks and CALLs run code at migration time, in an order only their author knows: a person places
    // them; once DSQL runs PL/pgSQL the suggestion says so instead of calling them unsupported.
    case "DoStmt": {
      const runs = isSupported(CAPABILITIES.plpgsql, rw.analysis.targetDate);
      return rw.toManual(
        rw.piece(stmt, "views", obj("statement", undefined, "DO block")),
        ["do-block"],
        "anonymous DO block",
        SUGGESTIONS[runs ? "do-block-plpgsql" : "do-block"],
      );
    }
    case "CallStmt": {
      const runs = isSupported(CAPABILITIES.plpgsql, rw.analysis.targetDate);
      return rw.toManual(
        rw.piece(stmt, "views", obj("statement", undefined, "CALL")),
        ["procedure"],
        "procedure call",
        SUGGESTIONS[runs ? "call-plpgsql" : "procedure"],
      );
    }
    case "CreatePublicationStmt":
    case "AlterPublicationStmt":
    case "CreateSubscriptionStmt":
      return rw.toManual(
        rw.piece(stmt, "views", obj("publication", undefined, n.pubname ?? n.subname ?? "")),
        ["unsupported-object-kind"],
        "logical replication",
        SUGGESTIONS.publication,
      );
    case "CreateForeignServerStmt":
    case "CreateFdwStmt":
    case "CreateUserMappingStmt":
    case "CreateForeignTableStmt":
    case "ImportForeignSchemaStmt": {
      const q =
        stmt.kind === "CreateForeignTableStmt" ? rw.qualify(stmt, n.base?.relation) : { schema: undefined, name: n.servername ?? "" };
      if (stmt.kind === "CreateForeignTableStmt") rw.markRemoved("table", q.schema, q.name, `foreign table ${q.name}`);
      return rw.toManual(
        rw.piece(stmt, "views", obj(stmt.kind === "CreateForeignTableStmt" ? "foreign table" : "server", q.schema, q.name)),
        ["unsupported-object-kind"],
        "foreign data wrapper object",
        SUGGESTIONS["foreign-table"],
      );
    }
    case "CommentStmt":
      return comment(rw, stmt);
    case "GrantStmt":
    case "AlterDefaultPrivilegesStmt":
      return grant(rw, stmt);
    case "AlterOwnerStmt":
      return rw.drop(
        rw.piece(stmt, "grants", obj("owner", undefined, "")),
        "ownership: objects belong to the role that runs the script on DSQL (see the prerequisites for roles)",
        [],
      );
    case "DropStmt":
      return dropStmt(rw, stmt);
    case "RenameStmt": {
      const phase: Phase =
        n.renameType === "OBJECT_INDEX"
          ? "indexes"
          : n.renameType === "OBJECT_VIEW" || n.renameType === "OBJECT_FUNCTION"
            ? "views"
            : n.renameType === "OBJECT_SEQUENCE"
              ? "sequences"
              : n.renameType === "OBJECT_SCHEMA"
                ? "schemas"
                : "constraints";
      const t = n.relation ? rw.qualify(stmt, n.relation) : { schema: undefined, name: "" };
      const p = rw.piece(
        stmt,
        phase,
        obj(n.renameType === "OBJECT_COLUMN" ? "table" : String(n.renameType).replace("OBJECT_", "").toLowerCase(), t.schema, t.name),
      );
      if (t.name && rw.merged.has(key(t as { schema: string; name: string })))
        return rw.drop(p, "partition merged into its parent", ["partitioned-table"]);
      return p;
    }
    case "AlterFunctionStmt":
    case "AlterObjectSchemaStmt":
    case "AlterDomainStmt":
    case "AlterCollationStmt":
    case "CreateTableSpaceStmt":
    case "DropTableSpaceStmt":
    case "AlterTableSpaceOptionsStmt":
    case "AlterTableMoveAllStmt":
      if (stmt.kind.includes("TableSpace") || stmt.kind === "AlterTableMoveAllStmt")
        return rw.drop(rw.piece(stmt, "schemas", obj("tablespace", undefined, n.tablespacename ?? "")), "DSQL has no tablespaces", [
          "tablespace",
        ]);
      if (stmt.kind === "AlterDomainStmt")
        return rw.toManual(
          rw.piece(stmt, "domains", obj("domain", undefined, strings(n.typeName).pop() ?? "")),
          ["domain-constraint-change"],
          "ALTER DOMAIN",
          "Define the constraint in CREATE DOMAIN.",
        );
      return rw.piece(
        stmt,
        stmt.kind === "AlterFunctionStmt" ? "views" : "tables",
        obj("statement", undefined, stmt.kind.replace(/Stmt$/, "")),
      );
    case "CreateCollationStmt":
      return rw.drop(rw.piece(stmt, "schemas", obj("collation", undefined, "")), "DSQL uses the C collation only", ["non-c-collation"]);
    case "ListenStmt":
    case "NotifyStmt":
    case "UnlistenStmt":
    case "DeclareCursorStmt":
    case "FetchStmt":
    case "ClosePortalStmt":
    case "PrepareStmt":
    case "ExecuteStmt":
    case "DeallocateStmt":
    case "DiscardStmt":
    case "ExplainStmt":
    case "LoadStmt":
      return rw.drop(
        rw.piece(stmt, "data", obj("statement", undefined, stmt.kind.replace(/Stmt$/, ""))),
        "session/query statement in a schema file: not part of the migration",
        [],
      );
    default:
      return rw.piece(stmt, "tables", obj("statement", undefined, stmt.kind.replace(/Stmt$/, "")));
  }
}
