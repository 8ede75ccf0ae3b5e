/**
 * Routines, types and domains: SQL functions (and, from the date DSQL runs PL/pgSQL, PL/pgSQL functions
 * and procedures) keep only the attributes DSQL accepts and use mapped types; routines whose body runs
 * SQL DSQL rejects, trigger functions and other languages are manual; domains map their base type; other
 * definitions (aggregates, base types) are manual.
 * Fixes: function-attributes, enum-type/composite-type in signatures and casts.
 */
import { constValue, defElems, strings, typeName } from "../../ingest/ast";
import { nodeOffset } from "../../ingest/parse";
import type { ParsedStatement } from "../../ingest/parse";
import { tokenAt, tokenize, typeNameEnd } from "../tokens";
import { mapColumnType } from "../types-map";
import type { Rewriter, Piece, RewriteRuleId } from "../context";
import { CAPABILITIES, isSupported } from "../../rules/core/capabilities";
import type { Finding } from "../../rules/core/rule";
import { SUGGESTIONS } from "../suggestions";
import { referencesRemoved, typeNameNodes } from "./dependencies";

export function func(rw: Rewriter, stmt: ParsedStatement): Piece {
  const n = stmt.node;
  const parts = strings(n.funcname);
  const schema = parts.length > 1 ? parts[0] : rw.sp(stmt);
  const name = parts[parts.length - 1];
  const kind = n.is_procedure ? "procedure" : "function";
  const p = rw.piece(stmt, "views", { kind, schema, name });
  const opts = defElems(n.options);
  const lang = String(constValue(opts.get("language")?.arg) ?? "sql").toLowerCase();
  const ret = typeName(n.returnType);
  // From the date DSQL runs PL/pgSQL, PL/pgSQL routines and SQL procedures are kept like SQL functions.
  const plpgsql = isSupported(CAPABILITIES.plpgsql, rw.analysis.targetDate);
  const runs = lang === "sql" || (plpgsql && lang === "plpgsql");
  const trigger = ret.name === "trigger" || ret.name === "event_trigger";
  if (n.is_procedure && (!plpgsql || !runs)) {
    rw.markRemoved("function", schema, name, `procedure ${name}`);
    return rw.toManual(p, ["procedure"], `procedure ${name} (${lang})`, SUGGESTIONS.procedure);
  }
  if (!runs || trigger) {
    rw.markRemoved("function", schema, name, `${lang} function ${name}`);
    // Nothing fires a trigger function on DSQL: its logic moves with the trigger's.
    if (trigger)
      return rw.toManual(
        p,
        plpgsql && runs ? ["trigger-function", "trigger"] : ["trigger", "non-sql-function"],
        `trigger function ${name} (${lang})`,
        SUGGESTIONS.trigger,
      );
    return rw.toManual(p, ["non-sql-function"], `${lang} function ${name}`, SUGGESTIONS["non-sql-function"]);
  }
  // SQL inside the body that DSQL rejects when the routine runs: the routine needs a person.
  const failing = bodyBlockers(rw, stmt);
  if (failing.length) {
    rw.markRemoved("function", schema, name, `${kind} ${name}`);
    const rules = [...new Set(failing.map((f) => f.ruleId as RewriteRuleId))];
    return rw.toManual(
      p,
      rules,
      `${kind} ${name}: ${failing.length} statement${failing.length === 1 ? "" : "s"} in its body fail${failing.length === 1 ? "s" : ""} on DSQL (${rules.join(", ")})`,
      SUGGESTIONS["routine-body"],
    );
  }
  // Kept routines: unsupported attributes out, user types mapped.
  const toks = tokenize(stmt.text);
  for (let k = 0; k < toks.length; k++) {
    if (toks[k].depth !== 0) continue;
    const v = toks[k].value;
    if (v === "LEAKPROOF" && toks[k - 1]?.value !== "NOT")
      p.sp.removeTokens(toks, k, k, "function-attributes", "LEAKPROOF needs a superuser");
    if (v === "SUPPORT" && toks[k + 1]) {
      let e = k + 1;
      while (toks[e + 1]?.value === ".") e += 2;
      p.sp.removeTokens(toks, k, e, "function-attributes", "planner support functions are not available");
    }
    if (v === "PARALLEL" && toks[k + 1]?.kind === "word") {
      // Accepted but ignored on DSQL: kept.
    }
  }
  retypeUserTypes(rw, p);
  return p;
}

/** Casts and signatures naming an enum/composite type (which DSQL does not get) use the mapped type. */
const blockersByStatement = new WeakMap<Rewriter, Map<string, Finding[]>>();

/** Blockers the analysis found inside a routine's body ("when … runs"), by statement. */
function bodyBlockers(rw: Rewriter, stmt: ParsedStatement): Finding[] {
  let index = blockersByStatement.get(rw);
  if (!index) {
    index = new Map();
    for (const f of rw.analysis.findings) {
      if (f.severity !== "blocker" || !f.message.startsWith("when ")) continue;
      const k = `${f.file}\u0000${f.statementIndex}`;
      index.set(k, [...(index.get(k) ?? []), f]);
    }
    blockersByStatement.set(rw, index);
  }
  return index.get(`${stmt.file}\u0000${stmt.index}`) ?? [];
}

export function retypeUserTypes(rw: Rewriter, p: Piece) {
  if (rw.model.types.size === 0) return;
  const all = typeNameNodes(p.stmt.node);
  const toks = tokenize(p.sp.text);
  for (const tn of all) {
    if (tn.location === undefined) continue;
    const t = typeName(tn);
    const k = `${t.schema ?? p.searchPath}.${t.name}`;
    const ut = rw.model.types.get(k) ?? (t.schema ? undefined : rw.model.types.get(`public.${t.name}`));
    if (!ut || ut.kind !== "enum") continue;
    const at = tokenAt(toks, nodeOffset(p.stmt, tn.location) - p.stmt.start);
    if (!toks[at]) continue;
    const e = typeNameEnd(toks, at);
    const to = ut.kind === "enum" ? "text" : "jsonb";
    p.sp.replace(
      toks[at].start,
      toks[e].end,
      t.arrayDims ? `${to}[]` : to,
      ut.kind === "enum" ? "enum-type" : "composite-type",
      `${ut.name} is ${to} on DSQL`,
    );
  }
}

export function domain(rw: Rewriter, stmt: ParsedStatement): Piece {
  const n = stmt.node;
  const parts = strings(n.domainname);
  const schema = parts.length > 1 ? parts[0] : rw.sp(stmt);
  const p = rw.piece(stmt, "domains", { kind: "domain", schema, name: parts[parts.length - 1] });
  const dep = referencesRemoved(rw, n);
  if (dep) {
    rw.markRemoved("type", schema, parts[parts.length - 1], `domain ${parts[parts.length - 1]}`);
    return rw.toManual(p, ["dependency"], `domain ${parts[parts.length - 1]} depends on ${dep}`, SUGGESTIONS.dependency);
  }
  const t = typeName(n.typeName);
  const map = mapColumnType(
    { name: t.name, schema: t.schema, mods: t.mods, arrayDims: t.arrayDims, display: t.name },
    rw.model,
    rw.sp(stmt),
  );
  if (map && n.typeName?.location !== undefined) {
    const toks = tokenize(stmt.text);
    const k = tokenAt(toks, nodeOffset(stmt, n.typeName.location) - stmt.start);
    p.sp.replaceTokens(toks, k, typeNameEnd(toks, k), map.to, map.rule, map.behaviour);
    p.notes.push(map.behaviour);
  }
  const toks = tokenize(stmt.text);
  for (let k = 0; k < toks.length; k++) {
    if (toks[k].value !== "COLLATE" || toks[k].depth !== 0) continue;
    let e = k + 1;
    while (toks[e + 1]?.value === ".") e += 2;
    const name = toks
      .slice(k + 1, e + 1)
      .map((x) => x.value.replace(/"/g, ""))
      .join("");
    if (!/^(C|POSIX|pg_catalog\.C|PG_CATALOG\.C)$/i.test(name))
      p.sp.removeTokens(toks, k, e, "non-c-collation", "DSQL uses the C collation only");
  }
  return p;
}

export function definition(rw: Rewriter, stmt: ParsedStatement): Piece {
  const n = stmt.node;
  if (stmt.kind === "CreateStatsStmt") return rw.piece(stmt, "validation", { kind: "statistics", name: strings(n.defnames).pop() ?? "" });
  const names = strings(n.defnames ?? n.typeName ?? []);
  const name = names[names.length - 1] ?? stmt.kind;
  const kind =
    stmt.kind === "DefineStmt"
      ? String(n.kind).replace("OBJECT_", "").toLowerCase()
      : stmt.kind.replace(/^Create|Stmt$/g, "").toLowerCase();
  const p = rw.piece(stmt, "views", { kind, schema: names.length > 1 ? names[0] : undefined, name });
  if (kind === "aggregate") {
    rw.markRemoved("function", names.length > 1 ? names[0] : rw.sp(stmt), name, `aggregate ${name}`);
    return rw.toManual(p, ["unsupported-object-kind"], `aggregate ${name}`, SUGGESTIONS.aggregate);
  }
  if (kind === "type" || stmt.kind === "CreateRangeStmt") {
    rw.markRemoved("type", names.length > 1 ? names[0] : rw.sp(stmt), name, `type ${name}`);
    return rw.toManual(p, ["range-or-base-type"], `type ${name}`, SUGGESTIONS["range-or-base-type"]);
  }
  return rw.toManual(p, ["unsupported-object-kind"], `${kind} ${name}`, SUGGESTIONS["unsupported-object-kind"]);
}
