import { constValue, defElems, typeName } from "@/lib/ingest/ast";
import type { AstNode } from "@/lib/ingest/parse";
import { CAPABILITIES } from "../core/capabilities";
import { relObject } from "../core/compat-helpers";
import { legalCache } from "./sequence-cache";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "identity-column",
  title: "Identity column DSQL rejects",
  severity: "blocker",
  category: "keys-and-identity",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.SEQUENCES_WORKING,
  why: "DSQL identity columns must be bigint with an explicit CACHE of 1 or ≥ 65536 (`identity column is not supported without an explicit cache size`), and cannot arrive with ADD COLUMN (use ALTER COLUMN … ADD GENERATED … AS IDENTITY on an existing column).",
  fix: "Write `bigint GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY (CACHE 65536)` (or CACHE 1).",
  appliesFrom: CAPABILITIES.sequences,
  catalogRows: [52],
  example: {
    bad: "CREATE TABLE orders (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY);",
    good: "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY (CACHE 65536) PRIMARY KEY);",
  },
  kinds: ["CreateStmt", "AlterTableStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (n.objtype && n.objtype !== "OBJECT_TABLE") return;
    const table = relObject(builder, n.relation);
    const problems = (con: AstNode, columnType: string | undefined): string[] => {
      const out: string[] = [];
      const def = defElems(con.options).get("cache");
      const cache = constValue(def?.arg);
      if (!def) out.push("has no explicit CACHE (use CACHE 1 or ≥ 65536)");
      else if (!legalCache(cache)) out.push(`has CACHE ${cache} (only 1 or ≥ 65536)`);
      if (columnType && columnType !== "int8")
        out.push(`is ${columnType === "int4" ? "integer" : columnType === "int2" ? "smallint" : columnType}, not bigint`);
      return out;
    };
    const emit = (column: string, what: string[], location: number | undefined) =>
      report({
        message: `identity column ${table.name}.${column} ${what.join(" and ")}`,
        location,
        object: { kind: "column", schema: table.schema, name: `${table.name}.${column}` },
      });

    const columnDef = (cd: AstNode, viaAddColumn: boolean) => {
      for (const c of cd.constraints ?? []) {
        const con = c.Constraint;
        if (con?.contype !== "CONSTR_IDENTITY") continue;
        const what = problems(con, typeName(cd.typeName).name);
        if (viaAddColumn) what.push("is added with ADD COLUMN (add the column, then ALTER COLUMN … ADD GENERATED … AS IDENTITY)");
        if (what.length) emit(cd.colname, what, con.location);
      }
    };
    if (stmt.kind === "CreateStmt") {
      for (const el of n.tableElts ?? []) if (el.ColumnDef) columnDef(el.ColumnDef, false);
      return;
    }
    for (const item of n.cmds ?? []) {
      const cmd = item.AlterTableCmd;
      if (cmd?.subtype === "AT_AddColumn" && cmd.def?.ColumnDef) columnDef(cmd.def.ColumnDef, true);
      else if (cmd?.subtype === "AT_AddIdentity" && cmd.def?.Constraint) {
        const col = builder
          .table({ schema: n.relation?.schemaname, name: n.relation?.relname ?? "" })
          ?.columns.find((c) => c.name === cmd.name);
        const what = problems(cmd.def.Constraint, col?.type.name);
        if (what.length) emit(cmd.name, what, cmd.def.Constraint.location);
      } else if (cmd?.subtype === "AT_SetIdentity") {
        const def = (cmd.def?.List?.items ?? []).map((x: AstNode) => x.DefElem).find((d: AstNode) => d?.defname === "cache");
        if (def && !legalCache(constValue(def.arg)))
          emit(cmd.name, [`sets CACHE ${constValue(def.arg)} (only 1 or ≥ 65536)`], def.location);
      }
    }
  },
});
