import { constValue, funcName, indexNodes, notEnforced, rangeVar, strings } from "@/lib/ingest/ast";
import type { AstNode } from "@/lib/ingest/parse";
import { SOURCES } from "../core/sources";
import { defineRule, type Report } from "../core/rule";

/**
 * DSQL is PostgreSQL 16 compatible; the parser here is PostgreSQL 18's, so it reads syntax, settings and
 * functions that a PostgreSQL 16 server does not have. These are the ones schemas and dumps carry.
 */

/** Session settings added after PostgreSQL 16: `unrecognized configuration parameter` on a 16 server. */
const NEWER_SETTINGS: Record<string, number> = {
  // pg_dump 17 and later write `SET transaction_timeout = 0;` at the top of every dump.
  transaction_timeout: 17,
  enable_group_by_reordering: 17,
  io_combine_limit: 17,
  enable_distinct_reordering: 18,
  enable_self_join_elimination: 18,
};

/** Built-in functions added after PostgreSQL 16, with what DSQL has instead. */
const NEWER_FUNCTIONS: Record<string, { version: number; instead: string }> = {
  uuidv7: { version: 18, instead: "gen_random_uuid() (random, not time-ordered: on DSQL that spreads inserts instead of appending them)" },
  uuidv4: { version: 18, instead: "gen_random_uuid(), the same random UUID" },
  uuid_extract_timestamp: { version: 17, instead: "keep the timestamp in its own column" },
  uuid_extract_version: { version: 17, instead: "no built-in equivalent: compute it in the application" },
  casefold: { version: 18, instead: "lower(), which folds fewer characters" },
  array_sort: { version: 18, instead: "array_agg(x ORDER BY x) over unnest()" },
  array_reverse: { version: 18, instead: "array_agg(x ORDER BY n DESC) over unnest() WITH ORDINALITY" },
  crc32: { version: 18, instead: "no built-in equivalent: compute it in the application" },
  crc32c: { version: 18, instead: "no built-in equivalent: compute it in the application" },
};

const JSON_QUERY_FUNCTIONS: Record<string, string> = {
  JSON_VALUE_OP: "JSON_VALUE",
  JSON_QUERY_OP: "JSON_QUERY",
  JSON_EXISTS_OP: "JSON_EXISTS",
};

/** Whether a call to this function has a mechanical replacement (lib/rewrite/fixes/columns.ts rewrites it). */
function uuidCallReplaced(fc: AstNode): boolean {
  const name = funcName(fc);
  return (name === "uuidv4" || name === "uuidv7") && !(fc.args?.length > 0);
}

export default defineRule({
  id: "newer-postgres-feature",
  title: "PostgreSQL 17/18 feature (DSQL is PostgreSQL 16 compatible)",
  severity: "blocker",
  category: "parse",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.RN,
  why: "Aurora DSQL is PostgreSQL 16 compatible. Dumps and migrations written on PostgreSQL 17 or 18 carry what a PostgreSQL 16 server does not know: pg_dump 17 and later start every dump with `SET transaction_timeout = 0` (`unrecognized configuration parameter`), PostgreSQL 18 adds NOT ENFORCED constraints, table-level NOT NULL constraints, temporal keys (WITHOUT OVERLAPS, PERIOD) and functions such as uuidv7(), and PostgreSQL 17 adds JSON_TABLE, JSON_QUERY/JSON_VALUE/JSON_EXISTS, MERGE … RETURNING and ALTER COLUMN … SET EXPRESSION.",
  fix: "Drop the setting; drop NOT ENFORCED constraints (they were never checked); write NOT NULL on the column; replace uuidv7()/uuidv4() with gen_random_uuid(). Temporal keys, SQL/JSON query functions and MERGE … RETURNING need rewriting in PostgreSQL 16 terms (jsonb operators, plain keys with a CHECK, separate statements).",
  catalogRows: ["V:postgresql-16"],
  example: {
    bad: "SET transaction_timeout = 0;\nCREATE TABLE event (id uuid PRIMARY KEY DEFAULT uuidv7(), kind text, CONSTRAINT kind_known CHECK (kind <> '') NOT ENFORCED);",
    good: "CREATE TABLE event (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), kind text);",
  },
  kinds: [
    "VariableSetStmt",
    "SelectStmt",
    "CreateStmt",
    "AlterTableStmt",
    "InsertStmt",
    "UpdateStmt",
    "DeleteStmt",
    "MergeStmt",
    "ViewStmt",
    "CreateTableAsStmt",
    "IndexStmt",
    "CreateDomainStmt",
  ],
  checkStatement({ stmt, nodes, model, builder, report }) {
    const n = stmt.node;
    const flag = (version: number, what: string, r: Omit<Report, "message">, instead: string) =>
      report({ ...r, message: `${what} is PostgreSQL ${version} (DSQL is PostgreSQL 16 compatible): ${instead}` });

    if (stmt.kind === "VariableSetStmt") {
      const name = String(n.name ?? "").toLowerCase();
      if (NEWER_SETTINGS[name] && (n.kind === "VAR_SET_VALUE" || n.kind === "VAR_SET_DEFAULT"))
        flag(NEWER_SETTINGS[name], `setting ${name}`, { location: n.location, object: { kind: "setting", name } }, "drop the SET");
      return;
    }
    // Calls in column defaults are the ones the rewrite replaces (lib/rewrite/fixes/columns.ts); found only when needed.
    let inDefaults: Set<AstNode> | undefined;
    const inDefault = (fc: AstNode) => {
      if (!inDefaults) {
        const found = new Set<AstNode>();
        const add = (expr: AstNode | undefined) => {
          for (const call of expr ? (indexNodes(expr).get("FuncCall") ?? []) : []) found.add(call);
        };
        for (const con of nodes("Constraint")) if (con.contype === "CONSTR_DEFAULT") add(con.raw_expr);
        if (stmt.kind === "AlterTableStmt")
          for (const item of n.cmds ?? []) if (item.AlterTableCmd?.subtype === "AT_ColumnDefault") add(item.AlterTableCmd.def);
        inDefaults = found;
      }
      return inDefaults.has(fc);
    };
    for (const fc of nodes("FuncCall")) {
      const name = funcName(fc);
      if (name === "set_config") {
        const setting = String(constValue(fc.args?.[0]) ?? "").toLowerCase();
        if (NEWER_SETTINGS[setting])
          flag(
            NEWER_SETTINGS[setting],
            `setting ${setting}`,
            { location: fc.location, object: { kind: "setting", name: setting } },
            "drop the set_config call",
          );
        continue;
      }
      const newer = NEWER_FUNCTIONS[name];
      if (!newer) continue;
      const parts = strings(fc.funcname);
      if (parts.length === 2 && parts[0] !== "pg_catalog") continue;
      // A function the schema defines itself with that name is not the built-in one.
      if (model.routines.some((r) => r.name.toLowerCase() === name)) continue;
      // Column defaults are rewritten; a call elsewhere (views, queries, arguments) is the team's to change.
      const replaced = uuidCallReplaced(fc) && inDefault(fc);
      flag(
        newer.version,
        `${name}()`,
        { location: fc.location, object: { kind: "function", name }, ...(replaced ? {} : { fix: "manual" as const }) },
        `use ${newer.instead}`,
      );
    }
    const object = (con: AstNode) => {
      const table = builder.qualify({ schema: n.relation?.schemaname, name: n.relation?.relname ?? "" });
      return {
        kind: "constraint",
        schema: table.schema,
        name: `${table.name}.${con.conname ?? con.contype.replace("CONSTR_", "").toLowerCase()}`,
      };
    };
    for (const con of nodes("Constraint")) {
      if (notEnforced(con))
        flag(
          18,
          `${con.contype === "CONSTR_CHECK" ? "CHECK" : "FOREIGN KEY"} … NOT ENFORCED`,
          { location: con.location, object: object(con) },
          "the constraint was never checked; drop it (its definition stays in the rewrite's notes)",
        );
      else if (con.contype === "CONSTR_ATTR_NOT_ENFORCED")
        flag(
          18,
          "a column constraint NOT ENFORCED",
          { location: con.location, object: object(con), ...(stmt.kind === "CreateStmt" ? {} : { fix: "manual" as const }) },
          "the constraint was never checked; drop it from the column",
        );
      else if (con.contype === "CONSTR_NOTNULL" && con.keys?.length) {
        const column = strings(con.keys)[0];
        const t = stmt.kind === "AlterTableStmt" ? builder.table(rangeVar(n.relation)) : undefined;
        // In CREATE TABLE, or on a column already NOT NULL, it folds into the column; otherwise it is SET NOT NULL, which DSQL lacks.
        const folds = stmt.kind === "CreateStmt" || t?.columns.find((c) => c.name === column)?.notNull === true;
        flag(
          18,
          `a table-level NOT NULL constraint (${con.conname ? `CONSTRAINT ${con.conname} ` : ""}NOT NULL ${column})`,
          { location: con.location, object: object(con), ...(folds ? {} : { fix: "manual" as const }) },
          !folds
            ? "adding NOT NULL to an existing column is SET NOT NULL, which DSQL does not support: declare it in CREATE TABLE"
            : stmt.kind === "CreateStmt"
              ? "write NOT NULL on the column"
              : "the column is already NOT NULL: leave the statement out",
        );
      } else if (con.without_overlaps || con.fk_with_period || con.pk_with_period)
        flag(
          18,
          con.without_overlaps ? "a key WITHOUT OVERLAPS" : "a FOREIGN KEY with PERIOD",
          { location: con.location, object: object(con), fix: "manual" },
          "temporal constraints do not exist there: keep a plain key and check overlaps in the application or with a range table",
        );
    }
    if (stmt.kind === "AlterTableStmt")
      for (const item of n.cmds ?? []) {
        const cmd = item.AlterTableCmd;
        if (cmd?.subtype === "AT_SetExpression")
          flag(
            17,
            `ALTER COLUMN ${cmd.name} SET EXPRESSION`,
            { location: n.relation?.location, fix: "manual" },
            "add a new generated column, switch readers to it, then drop the old one",
          );
        else if (cmd?.subtype === "AT_AlterConstraint" && cmd.def?.ATAlterConstraint?.alterEnforceability)
          flag(
            18,
            `ALTER CONSTRAINT ${cmd.def.ATAlterConstraint.conname} [NOT] ENFORCED`,
            { location: n.relation?.location, fix: "manual" },
            "drop the constraint, or add it anew as NOT VALID and validate it",
          );
      }
    for (const jt of nodes("JsonTable"))
      flag(17, "JSON_TABLE", { location: jt.location, fix: "manual" }, "read the rows with jsonb_to_recordset() or jsonb_array_elements()");
    for (const jf of nodes("JsonFuncExpr")) {
      const fn = JSON_QUERY_FUNCTIONS[jf.op];
      if (fn)
        flag(
          17,
          fn,
          { location: jf.location, fix: "manual" },
          "use the jsonb operators and jsonb_path_query_first() / jsonb_path_exists()",
        );
    }
    if (stmt.kind === "MergeStmt") {
      if (n.returningClause ?? n.returningList)
        flag(17, "MERGE … RETURNING", { fix: "manual" }, "read the changed rows back with a separate SELECT in the same transaction");
      if ((n.mergeWhenClauses ?? []).some((w: AstNode) => w.MergeWhenClause?.matchKind === "MERGE_WHEN_NOT_MATCHED_BY_SOURCE"))
        flag(
          17,
          "MERGE … WHEN NOT MATCHED BY SOURCE",
          { fix: "manual" },
          "delete or update the unmatched target rows in a separate statement",
        );
    }
  },
});
