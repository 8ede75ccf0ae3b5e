/**
 * Dependencies: views, functions and domains that use an object kept out of the DDL follow it into the
 * manual list (to a fixpoint); grants and comments on them are re-judged.
 */
import { parseSync } from "libpg-query";
import { defElems, indexNodes, strings } from "../../ingest/ast";
import type { AstNode } from "../../ingest/parse";
import { mapColumnType } from "../types-map";
import type { Rewriter } from "../context";
import { SUGGESTIONS } from "../suggestions";
import { grant, comment } from "./grants";

/** Functions from extensions DSQL lacks; statements calling them cannot run there. */
const EXTENSION_FUNCTIONS: Record<string, string> = {
  similarity: "pg_trgm",
  word_similarity: "pg_trgm",
  show_trgm: "pg_trgm",
  strict_word_similarity: "pg_trgm",
  crypt: "pgcrypto",
  gen_salt: "pgcrypto",
  digest: "pgcrypto",
  hmac: "pgcrypto",
  pgp_sym_encrypt: "pgcrypto",
  pgp_sym_decrypt: "pgcrypto",
  encrypt: "pgcrypto",
  decrypt: "pgcrypto",
  gen_random_bytes: "pgcrypto",
  armor: "pgcrypto",
  dearmor: "pgcrypto",
  unaccent: "unaccent",
  levenshtein: "fuzzystrmatch",
  soundex: "fuzzystrmatch",
  difference: "fuzzystrmatch",
  metaphone: "fuzzystrmatch",
  dmetaphone: "fuzzystrmatch",
  hstore: "hstore",
  akeys: "hstore",
  avals: "hstore",
  hstore_to_json: "hstore",
  hstore_to_jsonb: "hstore",
  each: "hstore",
  skeys: "hstore",
  svals: "hstore",
  uuid_generate_v1: "uuid-ossp",
  uuid_generate_v1mc: "uuid-ossp",
  uuid_generate_v3: "uuid-ossp",
  uuid_generate_v5: "uuid-ossp",
  uuid_nil: "uuid-ossp",
  uuid_ns_url: "uuid-ossp",
  uuid_ns_dns: "uuid-ossp",
  uuid_ns_oid: "uuid-ossp",
  uuid_ns_x500: "uuid-ossp",
  citext: "citext",
  nlevel: "ltree",
  subpath: "ltree",
  lquery: "ltree",
  text2ltree: "ltree",
  ltree2text: "ltree",
  pg_stat_statements: "pg_stat_statements",
  pg_stat_statements_reset: "pg_stat_statements",
  dblink: "dblink",
  dblink_exec: "dblink",
  cron_schedule: "pg_cron",
  earth_distance: "earthdistance",
  ll_to_earth: "earthdistance",
  cube: "cube",
};

/** Name of a removed object the node refers to (function call, relation, type), if any. */
export function referencesRemoved(rw: Rewriter, node: AstNode, bodies?: string[]): string | undefined {
  const idx = indexNodes(node);
  const check = (ix: Map<string, AstNode[]>): string | undefined => {
    for (const fc of ix.get("FuncCall") ?? []) {
      const parts = strings(fc.funcname);
      const name = parts[parts.length - 1];
      const hit = rw.isRemoved("function", parts.length > 1 ? parts[0] : undefined, name);
      if (hit) return hit;
      const ext = EXTENSION_FUNCTIONS[name?.toLowerCase() ?? ""];
      if (ext && ext !== "uuid-ossp-v4") return `${name}() from extension ${ext}`;
    }
    for (const rv of ix.get("RangeVar") ?? []) {
      const hit = rw.isRemoved("table", rv.schemaname, rv.relname) ?? rw.isRemoved("view", rv.schemaname, rv.relname);
      if (hit) return hit;
    }
    return undefined;
  };
  const checkTypes = (root: AstNode): string | undefined => {
    for (const tn of typeNameNodes(root)) {
      const ps = strings(tn.names);
      const name = ps[ps.length - 1];
      const schema = ps.length > 1 ? ps[ps.length - 2] : undefined;
      const hit = rw.isRemoved("type", schema, name);
      if (hit) return hit;
      if (schema === "pg_catalog" || PSEUDO_TYPES.has(name)) continue;
      const m = mapColumnType({ name, schema, mods: [], arrayDims: 0, display: name }, rw.model, schema ?? "public");
      if (
        m &&
        m.rule === "unsupported-column-type" &&
        m.manual &&
        m.behaviour.includes("not a DSQL type") &&
        !rw.knownRelation(schema, name)
      )
        return `type ${ps.join(".")} (not defined in the inputs)`;
      if (m && m.manual && m.to === "text" && /PostGIS|vector|hstore|citext|ltree/.test(m.behaviour))
        return `type ${ps.join(".")} from an extension`;
    }
    return undefined;
  };
  const checkQualified = (ix: Map<string, AstNode[]>): string | undefined => {
    for (const fc of ix.get("FuncCall") ?? []) {
      const parts = strings(fc.funcname);
      const name = (parts[parts.length - 1] ?? "").toLowerCase();
      if (name.startsWith("st_")) return `${name}() from PostGIS`;
      if (parts.length > 1 && !SYSTEM_SCHEMAS.has(parts[0]) && !rw.definedFunctions.has(name))
        return `${parts.join(".")}() (not defined in the inputs)`;
    }
    for (const rv of ix.get("RangeVar") ?? []) {
      if (!rv.schemaname || SYSTEM_SCHEMAS.has(rv.schemaname)) continue;
      if (!rw.knownRelation(rv.schemaname, rv.relname)) return `${rv.schemaname}.${rv.relname} (not defined in the inputs)`;
    }
    return undefined;
  };
  const direct = check(idx) ?? checkTypes(node) ?? checkQualified(idx);
  if (direct) return direct;
  for (const body of bodies ?? []) {
    try {
      const r = parseSync(body);
      const bix = indexNodes(r);
      const hit = check(bix) ?? checkTypes(r) ?? checkQualified(bix) ?? changedColumnUse(rw, bix);
      if (hit) return hit;
    } catch {
      /* bodies that are not plain SQL are judged by their language */
    }
  }
  return undefined;
}

/** A body that writes or reads a column whose type changed to jsonb/text in a way SQL cannot follow. */
export function changedColumnUse(rw: Rewriter, ix: Map<string, AstNode[]>): string | undefined {
  if (rw.changedColumns.size === 0) return undefined;
  const rels = new Set((ix.get("RangeVar") ?? []).map((rv) => rv.relname));
  const names = new Set<string>([
    ...(ix.get("ColumnRef") ?? []).map((c) => strings(c.fields).pop() ?? ""),
    ...(ix.get("ResTarget") ?? []).map((r) => r.name ?? ""),
  ]);
  for (const tc of rw.typeChanges) {
    if (!/^(array-column|composite-type|unsupported-column-type)$/.test(tc.rule)) continue;
    const tname = tc.table.split(".").pop()!;
    if (rels.has(tname) && names.has(tc.column)) return `column ${tname}.${tc.column}, now ${tc.to}`;
  }
  return undefined;
}

/** Views and SQL functions that use a removed object follow it into the manual list (to a fixpoint). */
export function cascadeDependencies(rw: Rewriter) {
  let changed = true;
  while (changed) {
    changed = false;
    for (const p of rw.pieces) {
      if (p.dropped || p.manual || p.data) continue;
      if (
        p.stmt.kind !== "ViewStmt" &&
        p.stmt.kind !== "CreateFunctionStmt" &&
        p.stmt.kind !== "CreateStmt" &&
        p.stmt.kind !== "CreateDomainStmt"
      )
        continue;
      let bodies: string[] | undefined;
      if (p.stmt.kind === "CreateFunctionStmt") {
        const as = defElems(p.stmt.node.options).get("as");
        bodies = strings(as?.arg?.List?.items);
      }
      const node =
        p.stmt.kind === "CreateStmt"
          ? {
              defaults: (p.stmt.node.tableElts ?? []).map((e: AstNode) => e.ColumnDef?.constraints).filter(Boolean),
              checks: (p.stmt.node.tableElts ?? [])
                .map((e: AstNode) => (e.Constraint?.contype === "CONSTR_CHECK" ? e.Constraint : undefined))
                .filter(Boolean),
            }
          : p.stmt.node;
      const dep =
        referencesRemoved(rw, node, bodies) ?? (p.stmt.kind === "ViewStmt" ? changedColumnUse(rw, indexNodes(p.stmt.node)) : undefined);
      if (!dep) continue;
      if (p.stmt.kind === "CreateStmt") {
        p.notes.push(`uses ${dep}: review defaults/checks`);
        continue;
      }
      p.manual = { rules: ["dependency"], reason: `depends on ${dep}, which is not created on DSQL` };
      const o = p.object;
      rw.markRemoved(o.kind === "view" ? "view" : o.kind === "domain" ? "type" : "function", o.schema, o.name, `${o.kind} ${o.name}`);
      changed = true;
    }
  }
  // Grants and comments on objects that followed others out are re-judged.
  rw.pieces.forEach((p, i) => {
    if (p.dropped || p.manual) return;
    if (p.stmt.kind === "GrantStmt") rw.pieces[i] = grant(rw, p.stmt);
    else if (p.stmt.kind === "CommentStmt") rw.pieces[i] = comment(rw, p.stmt);
    // A view column's default (pg_dump's ALTER TABLE … SET DEFAULT) goes with its view.
    else if (p.stmt.kind === "AlterTableStmt" && p.phase === "views" && rw.isRemoved("view", p.object.schema, p.object.name))
      rw.drop(p, "the view is not created on DSQL", []);
  });
  for (const p of rw.pieces) {
    if (!p.manual) continue;
    const rules = p.manual.rules;
    rw.manual.push({
      object: p.object,
      ruleIds: rules,
      reason: p.manual.reason,
      suggestion: p.manual.suggestion ?? SUGGESTIONS[rules[0]] ?? SUGGESTIONS.dependency,
      original: p.stmt.text,
      file: p.stmt.file,
      line: p.stmt.line,
    });
  }
  for (const p of rw.pieces) {
    if (!p.dropped) continue;
    rw.dropped.push({
      object: p.object,
      reason: p.dropped.reason,
      rules: p.dropped.rules,
      file: p.stmt.file,
      line: p.stmt.line,
      text: p.stmt.text.length > 400 ? `${p.stmt.text.slice(0, 400)} …` : p.stmt.text,
    });
  }
}

const SYSTEM_SCHEMAS = new Set(["pg_catalog", "information_schema", "public", "sys"]);

/** Types every function signature may use that are not column types. */
const PSEUDO_TYPES = new Set([
  "void",
  "record",
  "trigger",
  "event_trigger",
  "anyelement",
  "anyarray",
  "anynonarray",
  "anyenum",
  "anyrange",
  "anymultirange",
  "anycompatible",
  "anycompatiblearray",
  "cstring",
  "internal",
  "refcursor",
  "unknown",
  "setof",
  "regclass",
  "regproc",
  "regprocedure",
  "regtype",
  "regoper",
  "regnamespace",
  "regrole",
  "oid",
  "name",
  "language_handler",
  "fdw_handler",
  "table_am_handler",
  "index_am_handler",
  "tsm_handler",
  "opaque",
]);

/** TypeName nodes anywhere below `root`, wrapped or not (argType, returnType, typeName fields). */
export function typeNameNodes(root: AstNode): AstNode[] {
  const out: AstNode[] = [];
  const visit = (v: unknown, k: string) => {
    if (Array.isArray(v)) {
      for (const x of v) visit(x, k);
      return;
    }
    if (v === null || typeof v !== "object") return;
    const o = v as AstNode;
    if ((k === "TypeName" || k === "typeName" || k === "argType" || k === "returnType") && Array.isArray(o.names)) out.push(o);
    for (const key2 in o) {
      const child = o[key2];
      if (child !== null && typeof child === "object") visit(child, key2);
    }
  };
  visit(root, "");
  return out;
}
