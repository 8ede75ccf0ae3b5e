/**
 * Small helpers for reading libpg-query's JSON AST: names, type names, constants and node search.
 */
import type { AstNode } from "./parse";

/** `[{String:{sval:"a"}},{String:{sval:"b"}}]` → `["a","b"]`. */
export function strings(list: AstNode[] | undefined): string[] {
  if (!list) return [];
  return list.map((n) => n.String?.sval ?? (n.A_Star ? "*" : "")).filter((s) => s !== "");
}

export interface RangeVarName {
  schema?: string;
  name: string;
}

export function rangeVar(rv: AstNode | undefined): RangeVarName {
  return { schema: rv?.schemaname, name: rv?.relname ?? "" };
}

/**
 * The relation a regclass literal names (`nextval('public.actor_actor_id_seq')`, `'"My Seq"'`): unquoted
 * parts fold to lower case, as PostgreSQL's regclass input does.
 */
export function regclassName(literal: string): RangeVarName {
  const parts = (literal.match(/"(?:[^"]|"")*"|[^.]+/g) ?? []).map((p) =>
    p.startsWith('"') ? p.slice(1, -1).replace(/""/g, '"') : p.toLowerCase(),
  );
  return { schema: parts.length > 1 ? parts[parts.length - 2] : undefined, name: parts[parts.length - 1] ?? "" };
}

/** Types PostgreSQL spells with keywords arrive as `pg_catalog.int4` etc. */
export interface TypeNameInfo {
  /** Lower-case type name without schema, e.g. `int4`, `varchar`, `mpaa_rating`. */
  name: string;
  /** Explicit schema other than pg_catalog (user-defined or extension types). */
  schema?: string;
  /** Numeric type modifiers, e.g. `[20]` for varchar(20), `[10,2]` for numeric(10,2). */
  mods: number[];
  /** Number of array dimensions (`text[]` → 1). */
  arrayDims: number;
  /** Written `%TYPE`. */
  pctType: boolean;
  location?: number;
}

export function typeName(tn: AstNode | undefined): TypeNameInfo {
  const names = strings(tn?.names);
  const last = (names[names.length - 1] ?? "").toLowerCase();
  const schema = names.length > 1 && names[0] !== "pg_catalog" ? names[names.length - 2] : undefined;
  const mods: number[] = [];
  for (const m of tn?.typmods ?? []) {
    const v = m.A_Const?.ival?.ival ?? (m.A_Const?.ival ? 0 : undefined);
    if (typeof v === "number") mods.push(v);
  }
  return {
    name: last,
    schema,
    mods,
    arrayDims: tn?.arrayBounds?.length ?? 0,
    pctType: !!tn?.pct_type,
    location: tn?.location,
  };
}

const DISPLAY_NAMES: Record<string, string> = {
  int2: "smallint",
  int4: "integer",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  bool: "boolean",
  bpchar: "char",
  varchar: "varchar",
  timestamptz: "timestamptz",
  timetz: "timetz",
};

export function displayType(t: TypeNameInfo): string {
  const base = (t.schema ? `${t.schema}.` : "") + (DISPLAY_NAMES[t.name] ?? t.name);
  const mods = t.mods.length && t.name !== "interval" ? `(${t.mods.join(",")})` : "";
  return base + mods + "[]".repeat(t.arrayDims);
}

/** Value of an A_Const / Integer / String / Float / Boolean node, if it is a constant. */
export function constValue(n: AstNode | undefined): string | number | boolean | undefined {
  if (!n) return undefined;
  if (n.Integer) return n.Integer.ival ?? 0;
  if (n.String) return n.String.sval;
  if (n.Float) return Number(n.Float.fval);
  if (n.Boolean) return !!n.Boolean.boolval;
  if (n.A_Const) {
    const c = n.A_Const;
    if (c.ival) return c.ival.ival ?? 0;
    if (c.sval) return c.sval.sval;
    if (c.fval) return Number(c.fval.fval);
    if (c.boolval) return !!c.boolval.boolval;
    if (c.isnull) return undefined;
    return 0;
  }
  if (n.TypeCast) return constValue(n.TypeCast.arg);
  return undefined;
}

/** DefElem list → map of lower-case name to DefElem node. */
export function defElems(list: AstNode[] | undefined): Map<string, AstNode> {
  const m = new Map<string, AstNode>();
  for (const d of list ?? []) if (d.DefElem) m.set(String(d.DefElem.defname).toLowerCase(), d.DefElem);
  return m;
}

/** Node types that never hold a typed node (most of an AST by count): the walk does not enter them. */
const LEAVES = new Set(["String", "Integer", "Float", "Boolean", "BitString", "A_Const", "A_Star", "ParamRef"]);

/** Every typed node under `root`, bucketed by node type, computed in one walk. */
export type NodeIndex = Map<string, AstNode[]>;

/** With `types`, only nodes of those types are bucketed (the walk is the same; far fewer arrays are made). */
export function indexNodes(root: AstNode, types?: ReadonlySet<string>): NodeIndex {
  const out: NodeIndex = new Map();
  const visit = (v: unknown) => {
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    if (v === null || typeof v !== "object") return;
    for (const key in v as Record<string, unknown>) {
      const child = (v as Record<string, unknown>)[key];
      if (child === null || typeof child !== "object") continue;
      const k0 = key.charCodeAt(0);
      if (k0 >= 65 && k0 <= 90 && !Array.isArray(child)) {
        if (!types || types.has(key)) {
          let bucket = out.get(key);
          if (!bucket) out.set(key, (bucket = []));
          bucket.push(child as AstNode);
        }
        if (LEAVES.has(key)) continue;
      }
      visit(child);
    }
  };
  visit(root);
  return out;
}

/** Lower-case function name (last part) of a FuncCall node. */
export function funcName(fc: AstNode): string {
  const parts = strings(fc.funcname);
  return (parts[parts.length - 1] ?? "").toLowerCase();
}

/** A CHECK or FOREIGN KEY declared NOT ENFORCED (PostgreSQL 18): never checked, and the parser leaves is_enforced unset. */
export function notEnforced(con: AstNode): boolean {
  return (con.contype === "CONSTR_CHECK" || con.contype === "CONSTR_FOREIGN") && con.is_enforced !== true;
}
