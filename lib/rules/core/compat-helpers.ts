/**
 * Shared helpers for the DSQL compatibility rules (catalog rows 40–105 and the §2 types):
 * object references, declared column/domain types, and a light look inside routine bodies.
 */
import { parseSync } from "libpg-query";
import { constValue, defElems, funcName, indexNodes, strings, typeName, type NodeIndex, type TypeNameInfo } from "@/lib/ingest/ast";
import type { AstNode, ParsedStatement } from "@/lib/ingest/parse";
import type { ModelBuilder } from "@/lib/model/build";
import type { UserTypeModel } from "@/lib/model/schema";
import { CAPABILITIES, isSupported } from "./capabilities";
import type { ObjectRef, StatementContext } from "./rule";

/** A RangeVar as a finding object, qualified by the current search_path. */
export function relObject(builder: ModelBuilder, rv: AstNode | undefined, kind = "table"): ObjectRef {
  const q = builder.qualify({ schema: rv?.schemaname, name: rv?.relname ?? "" });
  return { kind, schema: q.schema, name: q.name };
}

/** A dotted name list (`[schema, name]` or `[name]`) as a finding object. */
export function namedObject(builder: ModelBuilder, parts: string[], kind: string): ObjectRef {
  if (parts.length === 0) return { kind, name: "" };
  const q = builder.qualify({ schema: parts.length > 1 ? parts[parts.length - 2] : undefined, name: parts[parts.length - 1] });
  return { kind, schema: q.schema, name: q.name };
}

/** One declared column or domain type in a CREATE TABLE, ALTER TABLE or CREATE DOMAIN. */
export interface DeclaredType {
  type: TypeNameInfo;
  typeNode: AstNode;
  /** The ColumnDef, absent for domains. */
  column?: AstNode;
  /** `column x of table t` / `domain d`, for messages. */
  label: string;
  object: ObjectRef;
  location?: number;
}

/** Statement kinds declaredTypes() looks at. */
export const TYPE_DECLARING_KINDS = ["CreateStmt", "AlterTableStmt", "CreateDomainStmt"];

const declaredCache = new WeakMap<AstNode, DeclaredType[]>();

/** A column's declared type; its label and object are only built when a rule reports the column. */
class DeclaredColumnType implements DeclaredType {
  readonly typeNode: AstNode;
  readonly location?: number;
  private ref?: ObjectRef;
  constructor(
    readonly type: TypeNameInfo,
    readonly column: AstNode,
    private readonly table: ObjectRef,
    private readonly columnName: string,
  ) {
    this.typeNode = column.typeName;
    this.location = column.typeName.location ?? column.location;
  }
  get label(): string {
    return `column ${this.table.name}.${this.columnName}`;
  }
  get object(): ObjectRef {
    return (this.ref ??= { kind: "column", schema: this.table.schema, name: `${this.table.name}.${this.columnName}` });
  }
}

/**
 * Column and domain types declared by the statement. Casts, function signatures and composite
 * types are not storage and are left out (composite types are flagged as a whole).
 */
export function declaredTypes(ctx: Pick<StatementContext, "stmt" | "builder">): DeclaredType[] {
  const { stmt, builder } = ctx;
  const hit = declaredCache.get(stmt.node);
  if (hit) return hit;
  const out: DeclaredType[] = [];
  const n = stmt.node;
  let table: ObjectRef | undefined;
  const addColumn = (cd: AstNode, name: string | undefined) => {
    if (!cd?.typeName) return;
    table ??= relObject(builder, n.relation);
    out.push(new DeclaredColumnType(typeName(cd.typeName), cd, table, name ?? cd.colname ?? ""));
  };
  if (stmt.kind === "CreateStmt") {
    for (const el of n.tableElts ?? []) if (el.ColumnDef) addColumn(el.ColumnDef, undefined);
  } else if (stmt.kind === "AlterTableStmt" && n.objtype === "OBJECT_TABLE") {
    for (const item of n.cmds ?? []) {
      const cmd = item.AlterTableCmd;
      if ((cmd?.subtype === "AT_AddColumn" || cmd?.subtype === "AT_AlterColumnType") && cmd.def?.ColumnDef)
        addColumn(cmd.def.ColumnDef, cmd.name);
    }
  } else if (stmt.kind === "CreateDomainStmt") {
    const o = namedObject(builder, strings(n.domainname), "domain");
    out.push({ type: typeName(n.typeName), typeNode: n.typeName, label: `domain ${o.name}`, object: o, location: n.typeName?.location });
  }
  declaredCache.set(stmt.node, out);
  return out;
}

/** What a routine body written as a string contains (BEGIN ATOMIC bodies are already in the AST). */
export interface RoutineBody {
  language: string;
  /** LANGUAGE sql string bodies, parsed. */
  index?: NodeIndex;
  /** Other languages (PL/pgSQL …): lower-case code with comments and string literals blanked. */
  code?: string;
}

const bodyCache = new WeakMap<AstNode, RoutineBody | null>();

/** The string body of CREATE FUNCTION/PROCEDURE or DO, if any. */
export function routineBody(ctx: Pick<StatementContext, "stmt" | "targetDate">): RoutineBody | undefined {
  const { stmt } = ctx;
  if (stmt.kind !== "CreateFunctionStmt" && stmt.kind !== "DoStmt") return undefined;
  // Once DSQL runs PL/pgSQL, PL/pgSQL and SQL bodies are parsed and each embedded statement goes through
  // the rules at its own position (lib/routine-bodies.ts); scanning the text here would report it twice.
  if (bodiesAnalysed(ctx.targetDate) && analysedLanguage(stmt)) return undefined;
  const cached = bodyCache.get(stmt.node);
  if (cached !== undefined) return cached ?? undefined;
  let result: RoutineBody | null = null;
  const opts = defElems(stmt.kind === "DoStmt" ? stmt.node.args : stmt.node.options);
  const language = String(constValue(opts.get("language")?.arg) ?? (stmt.kind === "DoStmt" ? "plpgsql" : "sql")).toLowerCase();
  const as = opts.get("as")?.arg;
  const items = as?.List?.items;
  // C functions give AS 'file', 'symbol': nothing to read.
  const text: string | undefined = as?.String?.sval ?? (items?.length === 1 ? items[0].String?.sval : undefined);
  if (typeof text === "string" && !stmt.node.sql_body) {
    if (language === "sql") {
      try {
        result = { language, index: indexNodes(parseSync(text) as unknown as AstNode) };
      } catch {
        result = { language, code: stripCode(text) };
      }
    } else if (language === "plpgsql" || language === "plpgsql_check") {
      result = { language, code: stripCode(text) };
    }
  }
  bodyCache.set(stmt.node, result);
  return result ?? undefined;
}

export function bodiesAnalysed(targetDate: string): boolean {
  return isSupported(CAPABILITIES.plpgsql, targetDate);
}

/** A routine whose body lib/routine-bodies.ts analyses (PL/pgSQL or SQL, including BEGIN ATOMIC). */
export function analysedLanguage(stmt: ParsedStatement): boolean {
  if (stmt.node.sql_body) return true;
  const opts = defElems(stmt.kind === "DoStmt" ? stmt.node.args : stmt.node.options);
  const language = String(constValue(opts.get("language")?.arg) ?? (stmt.kind === "DoStmt" ? "plpgsql" : "sql")).toLowerCase();
  return language === "plpgsql" || language === "sql";
}

/** Lower-case code with comments and '…' / $tag$…$tag$ literals blanked, so words in strings never match. */
export function stripCode(text: string): string {
  return text.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, " ").toLowerCase();
}

export interface CallSite {
  name: string;
  /** AST location when the call is in the statement's own AST (not inside a string body). */
  location?: number;
}

/** Function calls anywhere in the statement, including string bodies of SQL and PL/pgSQL routines. */
export function callSites(ctx: Pick<StatementContext, "stmt" | "nodes" | "targetDate">, wanted: (name: string) => boolean): CallSite[] {
  const out: CallSite[] = [];
  for (const fc of ctx.nodes("FuncCall")) {
    const name = funcName(fc);
    if (wanted(name)) out.push({ name, location: fc.location });
  }
  const body = routineBody(ctx);
  if (body?.index) {
    for (const fc of body.index.get("FuncCall") ?? []) {
      const name = funcName(fc);
      if (wanted(name)) out.push({ name });
    }
  } else if (body?.code) {
    for (const m of body.code.matchAll(/([a-z_][a-z0-9_$]*)\s*\(/g)) if (wanted(m[1])) out.push({ name: m[1] });
  }
  return out;
}

/** Relation names (lower case, without schema) read anywhere in the statement, bodies included. */
export function relationNames(ctx: Pick<StatementContext, "stmt" | "nodes" | "targetDate">, wanted: (name: string) => boolean): CallSite[] {
  const out: CallSite[] = [];
  for (const rv of ctx.nodes("RangeVar")) {
    const name = String(rv.relname ?? "").toLowerCase();
    if (wanted(name)) out.push({ name, location: rv.location });
  }
  const body = routineBody(ctx);
  if (body?.index) {
    for (const rv of body.index.get("RangeVar") ?? []) {
      const name = String(rv.relname ?? "").toLowerCase();
      if (wanted(name)) out.push({ name });
    }
  } else if (body?.code) {
    for (const m of body.code.matchAll(/\b(pg_[a-z0-9_]+)\b/g)) if (wanted(m[1])) out.push({ name: m[1] });
  }
  return out;
}

/** Whether a string body contains a statement of this kind (e.g. `TruncateStmt`, keyword `truncate`). */
export function bodyHasStatement(ctx: Pick<StatementContext, "stmt" | "targetDate">, kind: string, keyword: string): boolean {
  const body = routineBody(ctx);
  if (body?.index) return (body.index.get(kind)?.length ?? 0) > 0;
  if (body?.code) return new RegExp(`(^|;|\\bthen|\\belse|\\bloop|\\bbegin|\\bexecute)\\s*${keyword}\\b`).test(body.code);
  return false;
}

/** Declared columns whose type is a user-defined type of the given kinds, per the model built so far. */
export function columnsOfUserType(
  ctx: StatementContext,
  kinds: Array<UserTypeModel["kind"]>,
): Array<{ d: DeclaredType; type: UserTypeModel }> {
  const out: Array<{ d: DeclaredType; type: UserTypeModel }> = [];
  if (ctx.model.types.size === 0) return out;
  for (const d of declaredTypes(ctx)) {
    const schema = d.type.schema ?? ctx.builder.qualify({ name: d.type.name }).schema;
    const t = ctx.model.types.get(`${schema}.${d.type.name}`) ?? (d.type.schema ? undefined : ctx.model.types.get(`public.${d.type.name}`));
    if (t && kinds.includes(t.kind)) out.push({ d, type: t });
  }
  return out;
}
