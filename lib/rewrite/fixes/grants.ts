/**
 * Roles, grants and comments: role attributes DSQL does not have, grants and comments on objects that
 * are not created. Fixes: role-attributes, grant-on-database, public-schema-grant.
 */
import { strings } from "../../ingest/ast";
import type { AstNode, ParsedStatement } from "../../ingest/parse";
import { key } from "../../model/schema";
import { qualifiedIdent, quoteIdent, tokenize } from "../tokens";
import type { Rewriter, Piece } from "../context";
import { retypeUserTypes } from "./routines";

export function grant(rw: Rewriter, stmt: ParsedStatement): Piece {
  const n = stmt.node;
  const p = rw.piece(stmt, "grants", { kind: "grant", name: "" });
  for (const g of n.grantees ?? n.action?.GrantStmt?.grantees ?? []) {
    const r = g.RoleSpec;
    if (r?.roletype === "ROLESPEC_CSTRING" && r.rolename) rw.roles.add(r.rolename);
  }
  if (stmt.kind === "AlterDefaultPrivilegesStmt") {
    for (const o of n.options ?? [])
      for (const r of o.DefElem?.arg?.List?.items ?? []) if (r.RoleSpec?.rolename) rw.roles.add(r.RoleSpec.rolename);
    return p;
  }
  if (n.objtype === "OBJECT_DATABASE") return rw.drop(p, "privileges on the database: grant on schemas instead", ["grant-on-database"]);
  if (n.objtype === "OBJECT_SCHEMA" && (n.objects ?? []).some((o: AstNode) => o.String?.sval === "public"))
    return rw.drop(p, "schema public is a system entity on DSQL: its privileges cannot be changed", ["public-schema-grant"]);
  if (
    n.objtype === "OBJECT_LANGUAGE" ||
    n.objtype === "OBJECT_FDW" ||
    n.objtype === "OBJECT_FOREIGN_SERVER" ||
    n.objtype === "OBJECT_LARGEOBJECT"
  )
    return rw.drop(p, "object kind not available on DSQL", []);
  const objs: AstNode[] = n.objects ?? [];
  const kept: AstNode[] = [];
  for (const o of objs) {
    let gone: string | undefined;
    if (o.RangeVar) {
      const q = rw.qualify(stmt, o.RangeVar);
      gone = rw.merged.has(key(q))
        ? "partition merged"
        : (rw.isRemoved("table", q.schema, q.name) ?? rw.isRemoved("view", q.schema, q.name) ?? rw.isRemoved("sequence", q.schema, q.name));
      p.object = { kind: "table", schema: q.schema, name: q.name };
    } else if (o.ObjectWithArgs) {
      const ps = strings(o.ObjectWithArgs.objname);
      gone = rw.isRemoved("function", ps.length > 1 ? ps[0] : rw.sp(stmt), ps[ps.length - 1]);
      p.object = { kind: "function", schema: ps.length > 1 ? ps[0] : undefined, name: ps[ps.length - 1] };
    }
    if (!gone) kept.push(o);
  }
  if (objs.length && kept.length === 0) return rw.drop(p, "the granted object is not created on DSQL", []);
  if (kept.length < objs.length) {
    p.notes.push("objects not created on DSQL were left out of the grant");
    // Simplest exact form: re-print the object list from the originals kept.
    const names = kept.map((o) =>
      o.RangeVar ? qualifiedIdent(o.RangeVar.schemaname, o.RangeVar.relname) : strings(o.ObjectWithArgs?.objname).map(quoteIdent).join("."),
    );
    const toks = tokenize(stmt.text);
    const on = toks.findIndex((t) => t.value === "ON");
    const to = toks.findIndex((t, i) => i > on && (t.value === "TO" || t.value === "FROM"));
    if (on >= 0 && to > on) {
      let s = on + 1;
      if (/^(TABLE|SEQUENCE|FUNCTION|PROCEDURE|ROUTINE)$/.test(toks[s].value)) s++;
      p.sp.replace(
        toks[s].start,
        toks[to - 1].end,
        names.join(", "),
        "unsupported-object-kind",
        "objects not created on DSQL removed from the grant",
      );
    }
  }
  return p;
}

export function cleanRole(p: Piece) {
  const toks = tokenize(p.sp.text);
  for (let k = 0; k < toks.length; k++) {
    const v = toks[k].value;
    if (v === "PASSWORD" || v === "ENCRYPTED") {
      let last = k;
      if (v === "ENCRYPTED") last++;
      if (toks[last + 1]?.kind === "string" || toks[last + 1]?.value === "NULL") last++;
      p.sp.removeTokens(toks, k, last, "role-attributes", "DSQL authenticates with IAM tokens, not passwords");
      k = last;
    } else if (
      /^(SUPERUSER|CREATEDB|CREATEROLE|REPLICATION|BYPASSRLS|NOSUPERUSER|NOCREATEDB|NOCREATEROLE|NOREPLICATION|NOBYPASSRLS|INHERIT|NOINHERIT)$/.test(
        v,
      )
    ) {
      p.sp.removeTokens(toks, k, k, "role-attributes", "privileged role attributes are not available on DSQL");
    } else if (v === "CONNECTION" && toks[k + 1]?.value === "LIMIT") {
      p.sp.removeTokens(toks, k, k + 2, "role-attributes", "CONNECTION LIMIT is not settable on DSQL");
      k += 2;
    } else if (v === "VALID" && toks[k + 1]?.value === "UNTIL") {
      p.sp.removeTokens(toks, k, k + 2, "role-attributes", "VALID UNTIL applies to passwords");
      k += 2;
    }
  }
}

export function comment(rw: Rewriter, stmt: ParsedStatement): Piece {
  const n = stmt.node;
  const objtype = String(n.objtype).replace("OBJECT_", "").toLowerCase();
  const parts = n.object?.List
    ? strings(n.object.List.items)
    : n.object?.String
      ? [n.object.String.sval]
      : n.object?.ObjectWithArgs
        ? strings(n.object.ObjectWithArgs.objname)
        : n.object?.TypeName
          ? strings(n.object.TypeName.names)
          : [];
  const p = rw.piece(stmt, "comments", { kind: objtype, name: parts.join(".") });
  const sp = rw.sp(stmt);
  const rel = (ps: string[]) => (ps.length > 1 ? { schema: ps[0], name: ps[1] } : { schema: sp, name: ps[0] });
  let gone: string | undefined;
  switch (objtype) {
    case "table":
    case "view":
    case "matview":
    case "foreign_table": {
      const r = rel(parts);
      gone = rw.isRemoved("table", r.schema, r.name) ?? rw.isRemoved("view", r.schema, r.name);
      if (rw.merged.has(key(r))) gone = "partition merged";
      break;
    }
    case "column": {
      const r = rel(parts.slice(0, -1));
      gone = rw.isRemoved("table", r.schema, r.name) ?? rw.isRemoved("view", r.schema, r.name);
      if (rw.merged.has(key(r))) gone = "partition merged";
      break;
    }
    case "function":
    case "procedure":
    case "aggregate":
    case "routine":
      gone =
        rw.isRemoved("function", parts.length > 1 ? parts[0] : sp, parts[parts.length - 1]) ??
        (objtype === "aggregate" ? "aggregate" : undefined);
      break;
    case "index":
      gone =
        rw.isRemoved("index", parts.length > 1 ? parts[0] : sp, parts[parts.length - 1]) ??
        (rw.droppedIndexes.has(parts[parts.length - 1]) ? "index dropped" : undefined);
      break;
    case "sequence":
      gone = rw.isRemoved("sequence", parts.length > 1 ? parts[0] : sp, parts[parts.length - 1]);
      break;
    case "extension":
    case "trigger":
    case "policy":
    case "rule":
    case "type":
    case "event_trigger":
    case "server":
    case "foreign_data_wrapper":
    case "publication":
    case "cast":
    case "operator":
    case "collation":
    case "tabconstraint":
    case "large_object":
    case "language":
      gone = `comment on ${objtype}`;
      if (objtype === "tabconstraint") gone = undefined;
      break;
  }
  if (gone) return rw.drop(p, `${gone}: the commented object is not created on DSQL`, []);
  retypeUserTypes(rw, p);
  return p;
}
