/**
 * Turns a collected catalog into the DDL pg_dump --schema-only would print, in pg_dump's order and
 * shape (constraints added by ALTER TABLE ONLY after the tables, owned sequences wired with OWNED BY and
 * SET DEFAULT, partitions attached afterwards). The text goes through the very same analyze() as an
 * uploaded dump, so every statement rule applies identically to a live database. Object bodies come
 * from PostgreSQL's own pg_get_*def functions, so they are as exact as the server can print them.
 */
import type { Acl, Catalog, CatTable } from "./snapshot";

const quoteName = (s: string) => (/^[a-z_][a-z0-9_$]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`);
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function catalogToDdl(cat: Catalog): string {
  const out: string[] = [];
  const put = (s: string) => out.push(s.endsWith(";") ? s : `${s};`);

  // pg_dump's preamble: rules read client_encoding and search_path from it.
  put("SET statement_timeout = 0");
  put("SET lock_timeout = 0");
  put("SET idle_in_transaction_session_timeout = 0");
  put(`SET client_encoding = ${lit(cat.database.encoding)}`);
  put("SET standard_conforming_strings = on");
  put("SELECT pg_catalog.set_config('search_path', '', false)");
  put("SET check_function_bodies = false");
  put("SET xmloption = content");
  put("SET client_min_messages = warning");
  put("SET row_security = off");

  const deferred: string[] = [];
  const comment = (what: string, c: string | null) => {
    if (c !== null && c !== undefined) put(`COMMENT ON ${what} IS ${lit(c)}`);
  };

  for (const s of cat.schemas) {
    if (s.builtin) {
      // public: pg_dump prints only what changed since initdb.
      if (s.comment !== null && s.comment !== "standard public schema") comment(`SCHEMA ${s.q}`, s.comment);
      continue;
    }
    put(`CREATE SCHEMA ${s.q}`);
    put(`ALTER SCHEMA ${s.q} OWNER TO ${s.owner}`);
    comment(`SCHEMA ${s.q}`, s.comment);
  }
  for (const e of cat.extensions) {
    put(`CREATE EXTENSION IF NOT EXISTS ${e.q} WITH SCHEMA ${e.schema}`);
    comment(`EXTENSION ${e.q}`, e.comment);
  }
  for (const c of cat.collations) {
    const provider = c.provider === "i" ? "icu" : c.provider === "b" ? "builtin" : "libc";
    const opts = [`provider = ${provider}`];
    if (c.locale) opts.push(`locale = ${lit(c.locale)}`);
    else if (c.collate && c.collate === c.ctype) opts.push(`locale = ${lit(c.collate)}`);
    else {
      if (c.collate) opts.push(`lc_collate = ${lit(c.collate)}`);
      if (c.ctype) opts.push(`lc_ctype = ${lit(c.ctype)}`);
    }
    if (!c.deterministic) opts.push("deterministic = false");
    put(`CREATE COLLATION ${c.q} (${opts.join(", ")})`);
  }

  for (const t of cat.types) {
    switch (t.kind) {
      case "e":
        put(`CREATE TYPE ${t.q} AS ENUM (\n${(t.labels ?? []).map((l) => `    ${lit(l)}`).join(",\n")}\n)`);
        break;
      case "c":
        put(`CREATE TYPE ${t.q} AS (\n${(t.attributes ?? []).map((a) => `\t${a.name} ${a.type}`).join(",\n")}\n)`);
        break;
      case "r":
        put(`CREATE TYPE ${t.q} AS RANGE (\n    subtype = ${t.rangeSubtype}\n)`);
        break;
      case "b":
        put(`CREATE TYPE ${t.q}`);
        continue; // the full base type follows its I/O functions below
      case "d": {
        let s = `CREATE DOMAIN ${t.q} AS ${t.baseType}`;
        if (t.collation) s += ` COLLATE ${t.collation}`;
        if (t.default !== null) s += ` DEFAULT ${t.default}`;
        if (t.notNull) s += " NOT NULL";
        for (const c of t.constraints ?? []) s += `\n\tCONSTRAINT ${c.name} ${c.def}`;
        put(s);
        put(`ALTER DOMAIN ${t.q} OWNER TO ${t.owner}`);
        comment(`DOMAIN ${t.q}`, t.comment);
        continue;
      }
    }
    put(`ALTER TYPE ${t.q} OWNER TO ${t.owner}`);
    comment(`TYPE ${t.q}`, t.comment);
  }

  for (const o of cat.operators ?? []) {
    const args = [`FUNCTION = ${o.function}`];
    if (o.left) args.push(`LEFTARG = ${o.left}`);
    if (o.right) args.push(`RIGHTARG = ${o.right}`);
    // Operators need their function; pg_dump orders by dependency, we put them after all routines.
    deferred.push(`CREATE OPERATOR ${o.q} (\n    ${args.join(",\n    ")}\n)`);
    if (o.owner) deferred.push(`ALTER OPERATOR ${o.q} (${o.left ?? "NONE"}, ${o.right ?? "NONE"}) OWNER TO ${o.owner}`);
  }
  for (const r of cat.routines) {
    const sig = `${r.q}(${r.args})`;
    if (r.kind === "a") {
      const a = r.agg;
      if (!a) continue;
      const opts = [`    SFUNC = ${a.sfunc}`, `    STYPE = ${a.stype}`];
      if (a.initcond !== null) opts.push(`    INITCOND = ${lit(a.initcond)}`);
      if (a.finalfunc) opts.push(`    FINALFUNC = ${a.finalfunc}`);
      if (a.combinefunc) opts.push(`    COMBINEFUNC = ${a.combinefunc}`);
      put(`CREATE AGGREGATE ${sig} (\n${opts.join(",\n")}\n)`);
      put(`ALTER AGGREGATE ${sig} OWNER TO ${r.owner}`);
      comment(`AGGREGATE ${sig}`, r.comment);
      continue;
    }
    if (!r.def) continue;
    // pg_dump prints CREATE, not CREATE OR REPLACE.
    put(r.def.trim().replace(/^CREATE OR REPLACE /, "CREATE "));
    const kw = r.kind === "p" ? "PROCEDURE" : "FUNCTION";
    put(`ALTER ${kw} ${sig} OWNER TO ${r.owner}`);
    comment(`${kw} ${sig}`, r.comment);
  }
  for (const d of deferred) put(d);
  for (const t of cat.types) {
    if (t.kind === "b" && t.input && t.output) put(`CREATE TYPE ${t.q} (\n    INPUT = ${t.input},\n    OUTPUT = ${t.output}\n)`);
  }

  // Sequences: identity sequences are printed with their column; the rest before the tables.
  for (const s of cat.sequences) {
    if (s.ownedBy?.deptype === "i") continue;
    put(`CREATE SEQUENCE ${s.q}${sequenceOptions(s.type, s)}`);
    put(`ALTER SEQUENCE ${s.q} OWNER TO ${s.owner}`);
    comment(`SEQUENCE ${s.q}`, s.comment);
  }

  const ownedDefault = new Set<string>();
  for (const s of cat.sequences) if (s.ownedBy?.deptype === "a") ownedDefault.add(`${s.ownedBy.table}.${s.ownedBy.column}`);
  const byName = new Map(cat.tables.map((t) => [t.q, t]));

  for (const t of cat.tables) {
    put(createTable(t, byName, ownedDefault));
    if (t.kind !== "f") put(`ALTER TABLE ${t.q} OWNER TO ${t.owner}`);
    else put(`ALTER FOREIGN TABLE ${t.q} OWNER TO ${t.owner}`);
    comment(`TABLE ${t.q}`, t.comment);
    for (const c of t.columns) if (c.isLocal || !t.parents) comment(`COLUMN ${t.q}.${c.q}`, c.comment);
    for (const c of t.columns) {
      if (c.statTarget !== null && c.statTarget !== undefined)
        put(`ALTER TABLE ONLY ${t.q} ALTER COLUMN ${c.q} SET STATISTICS ${c.statTarget}`);
      const storage = { p: "PLAIN", e: "EXTERNAL", m: "MAIN", x: "EXTENDED" }[c.storage ?? ""];
      if (storage && c.isLocal) put(`ALTER TABLE ONLY ${t.q} ALTER COLUMN ${c.q} SET STORAGE ${storage}`);
    }
    for (const c of t.columns) {
      if (c.identity && (c.isLocal || t.isPartition === false)) {
        const seq = cat.sequences.find((s) => s.ownedBy?.deptype === "i" && s.ownedBy.table === t.q && s.ownedBy.column === c.q);
        // Partitions inherit identity from their parent; pg_dump prints it once, on the parent.
        if (t.isPartition) continue;
        const opts = seq ? ` (\n    SEQUENCE NAME ${seq.q}${sequenceOptions(seq.type, seq, "    ")}\n)` : "";
        put(`ALTER TABLE ${t.q} ALTER COLUMN ${c.q} ADD GENERATED ${c.identity === "a" ? "ALWAYS" : "BY DEFAULT"} AS IDENTITY${opts}`);
      }
    }
  }

  for (const v of cat.views) {
    const opts = (v.options ?? []).filter((o) => !o.startsWith("check_option="));
    const check = (v.options ?? []).find((o) => o.startsWith("check_option="))?.split("=")[1];
    const withOpts = opts.length ? ` WITH (${opts.join(", ")})` : "";
    const body = v.def.trim().replace(/;$/, "");
    if (v.kind === "m") put(`CREATE MATERIALIZED VIEW ${v.q}${withOpts} AS\n${body}\n  WITH NO DATA`);
    else put(`CREATE VIEW ${v.q}${withOpts} AS\n${body}${check ? `\n  WITH ${check.toUpperCase()} CHECK OPTION` : ""}`);
    put(`ALTER ${v.kind === "m" ? "MATERIALIZED VIEW" : "VIEW"} ${v.q} OWNER TO ${v.owner}`);
    comment(`${v.kind === "m" ? "MATERIALIZED VIEW" : "VIEW"} ${v.q}`, v.comment);
  }

  for (const s of cat.sequences) {
    if (s.ownedBy?.deptype === "a") put(`ALTER SEQUENCE ${s.q} OWNED BY ${s.ownedBy.table}.${s.ownedBy.column}`);
  }
  for (const t of cat.tables) {
    for (const c of t.columns) {
      if (c.default !== null && ownedDefault.has(`${t.q}.${c.q}`) && c.isLocal)
        put(`ALTER TABLE ONLY ${t.q} ALTER COLUMN ${c.q} SET DEFAULT ${c.default}`);
    }
  }
  for (const t of cat.tables) {
    if (t.isPartition && t.parents?.[0]) put(`ALTER TABLE ONLY ${t.parents[0]} ATTACH PARTITION ${t.q} ${t.partitionBound}`);
  }

  const onlyKw = (t: CatTable) => (t.kind === "f" ? "FOREIGN TABLE" : "TABLE ONLY");
  for (const t of cat.tables) {
    for (const k of t.constraints) {
      if (!k.isLocal) continue;
      if (k.type === "p" || k.type === "u" || k.type === "x") put(`ALTER ${onlyKw(t)} ${t.q}\n    ADD CONSTRAINT ${k.name} ${k.def}`);
      else if (k.type === "c" && !k.validated)
        put(`ALTER ${t.kind === "f" ? "FOREIGN TABLE" : "TABLE"} ${t.q}\n    ADD CONSTRAINT ${k.name} ${k.def}`);
    }
  }

  const idxNames = new Set(cat.indexes.map((i) => i.q));
  for (const i of cat.indexes) {
    if (i.constraint) continue;
    put(i.def);
    comment(`INDEX ${i.q}`, i.comment);
  }
  for (const i of cat.indexes) {
    if (i.parent && idxNames.has(i.parent)) put(`ALTER INDEX ${i.parent} ATTACH PARTITION ${i.q}`);
    for (const st of i.statTargets ?? []) put(`ALTER INDEX ${i.q} ALTER COLUMN ${st.num} SET STATISTICS ${st.target}`);
    if (i.clustered) put(`ALTER TABLE ${i.table} CLUSTER ON ${quoteName(i.name)}`);
    if (i.replicaIdentity) put(`ALTER TABLE ONLY ${i.table} REPLICA IDENTITY USING INDEX ${quoteName(i.name)}`);
  }
  for (const t of cat.tables) {
    if (t.replicaIdentity === "f") put(`ALTER TABLE ONLY ${t.q} REPLICA IDENTITY FULL`);
    else if (t.replicaIdentity === "n") put(`ALTER TABLE ONLY ${t.q} REPLICA IDENTITY NOTHING`);
  }
  for (const s of cat.statistics) put(s.def);
  for (const r of cat.rules) put(r.def);
  for (const t of cat.triggers) {
    put(t.def);
    // pg_dump prints a disabled trigger as CREATE then ALTER TABLE … DISABLE TRIGGER.
    const mode = { D: "DISABLE", A: "ENABLE ALWAYS", R: "ENABLE REPLICA" }[t.enabled];
    if (mode) put(`ALTER TABLE ${t.table} ${mode} TRIGGER ${quoteName(t.name)}`);
  }

  for (const t of cat.tables) {
    for (const k of t.constraints) {
      if (k.type === "f" && k.isLocal) put(`ALTER ${t.kind === "p" ? "TABLE" : onlyKw(t)} ${t.q}\n    ADD CONSTRAINT ${k.name} ${k.def}`);
    }
  }

  for (const p of cat.policies) {
    const cmd = { r: "SELECT", a: "INSERT", w: "UPDATE", d: "DELETE", "*": "ALL" }[p.command] ?? "ALL";
    let s = `CREATE POLICY ${p.name} ON ${p.table}`;
    if (!p.permissive) s += " AS RESTRICTIVE";
    if (cmd !== "ALL") s += ` FOR ${cmd}`;
    if (p.roles && !(p.roles.length === 1 && p.roles[0] === "PUBLIC")) s += ` TO ${p.roles.join(", ")}`;
    if (p.using) s += ` USING (${p.using})`;
    if (p.check) s += ` WITH CHECK (${p.check})`;
    put(s);
  }
  for (const t of cat.tables) {
    if (t.rowSecurity) put(`ALTER TABLE ${t.q} ENABLE ROW LEVEL SECURITY`);
    if (t.forceRowSecurity) put(`ALTER TABLE ONLY ${t.q} FORCE ROW LEVEL SECURITY`);
  }

  for (const e of cat.eventTriggers) {
    let s = `CREATE EVENT TRIGGER ${e.name} ON ${e.event}`;
    if (e.tags?.length) s += `\n         WHEN TAG IN (${e.tags.map(lit).join(", ")})`;
    put(`${s}\n   EXECUTE FUNCTION ${e.function}()`);
  }
  for (const s of cat.foreignServers) put(`CREATE SERVER ${s.name} FOREIGN DATA WRAPPER ${s.wrapper}`);
  for (const p of cat.publications) {
    put(`CREATE PUBLICATION ${p.name}${p.allTables ? " FOR ALL TABLES" : ""}`);
    if (!p.allTables) for (const t of p.tables ?? []) put(`ALTER PUBLICATION ${p.name} ADD TABLE ONLY ${t}`);
  }

  // Privileges: one GRANT per object and grantee, like pg_dump (which also prints REVOKEs of defaults).
  const grants = (what: string, a: Acl, owner: string) => {
    const by = new Map<string, string[]>();
    for (const g of a ?? []) {
      if (g.grantee === owner) continue;
      by.set(g.grantee, [...(by.get(g.grantee) ?? []), g.privilege]);
    }
    for (const [grantee, privs] of by) put(`GRANT ${privs.join(",")} ON ${what} TO ${grantee}`);
  };
  for (const s of cat.schemas) {
    if (!s.builtin) {
      grants(`SCHEMA ${s.q}`, s.acl, s.owner);
      continue;
    }
    const same = (a: { grantee: string; privilege: string }, b: { grantee: string; privilege: string }) =>
      a.grantee === b.grantee && a.privilege === b.privilege;
    const init = s.initAcl ?? [];
    const now = s.acl ?? [];
    const revoked = new Map<string, string[]>();
    for (const g of init) if (!now.some((x) => same(x, g))) revoked.set(g.grantee, [...(revoked.get(g.grantee) ?? []), g.privilege]);
    for (const [grantee, privs] of revoked) put(`REVOKE ${privs.join(",")} ON SCHEMA ${s.q} FROM ${grantee}`);
    grants(
      `SCHEMA ${s.q}`,
      now.filter((g) => !init.some((x) => same(x, g))),
      "",
    );
  }
  for (const r of cat.routines)
    if (r.kind !== "a") grants(`${r.kind === "p" ? "PROCEDURE" : "FUNCTION"} ${r.q}(${r.args})`, r.acl, r.owner);
  for (const t of cat.tables) grants(`TABLE ${t.q}`, t.acl, t.owner);
  for (const s of cat.sequences) grants(`SEQUENCE ${s.q}`, s.acl, s.owner);
  for (const v of cat.views) grants(`TABLE ${v.q}`, v.acl, v.owner);

  return out.join("\n\n") + "\n";
}

function sequenceOptions(
  type: string,
  s: {
    start: number | string;
    increment: number | string;
    min: number | string;
    max: number | string;
    cache: number | string;
    cycle: boolean;
  },
  indent = "    ",
): string {
  const parts: string[] = [];
  if (type !== "bigint") parts.push(`AS ${type}`);
  parts.push(`START WITH ${s.start}`, `INCREMENT BY ${s.increment}`);
  const inc = Number(s.increment);
  const defaultMin = inc > 0 ? "1" : minOf(type);
  const defaultMax = inc > 0 ? maxOf(type) : "-1";
  parts.push(String(s.min) === defaultMin ? "NO MINVALUE" : `MINVALUE ${s.min}`);
  parts.push(String(s.max) === defaultMax ? "NO MAXVALUE" : `MAXVALUE ${s.max}`);
  parts.push(`CACHE ${s.cache}`);
  if (s.cycle) parts.push("CYCLE");
  return parts.map((p) => `\n${indent}${p}`).join("");
}

function maxOf(type: string): string {
  return type === "smallint" ? "32767" : type === "integer" ? "2147483647" : "9223372036854775807";
}
function minOf(type: string): string {
  return type === "smallint" ? "-32768" : type === "integer" ? "-2147483648" : "-9223372036854775808";
}

function createTable(t: CatTable, byName: Map<string, CatTable>, ownedDefault: Set<string>): string {
  const isChildOfInheritance = !t.isPartition && (t.parents?.length ?? 0) > 0;
  const parentCols = new Set<string>();
  for (const p of t.parents ?? []) for (const c of byName.get(p)?.columns ?? []) parentCols.add(c.q);
  const lines: string[] = [];
  for (const c of t.columns) {
    // Inheritance children get inherited columns from INHERITS; pg_dump prints only local ones.
    if (isChildOfInheritance && !c.isLocal) continue;
    let s = `    ${c.q} ${c.type}`;
    if (c.compression && c.compression !== "") s += ` COMPRESSION ${c.compression === "l" ? "lz4" : "pglz"}`;
    if (c.collation) s += ` COLLATE ${c.collation}`;
    if (c.generated && c.generatedExpr) s += ` GENERATED ALWAYS AS (${c.generatedExpr})${c.generated === "v" ? "" : " STORED"}`;
    else if (c.default !== null && !ownedDefault.has(`${t.q}.${c.q}`)) s += ` DEFAULT ${c.default}`;
    if (c.notNull) s += " NOT NULL";
    lines.push(s);
  }
  for (const k of t.constraints) {
    if (k.type === "c" && k.isLocal && k.validated) lines.push(`    CONSTRAINT ${k.name} ${k.def}`);
  }
  const kind = t.kind === "f" ? "FOREIGN TABLE" : t.persistence === "u" ? "UNLOGGED TABLE" : "TABLE";
  let s = `CREATE ${kind} ${t.q} (\n${lines.join(",\n")}\n)`;
  if (isChildOfInheritance) s += `\nINHERITS (${t.parents!.join(", ")})`;
  if (t.partitionKey) s += `\nPARTITION BY ${t.partitionKey}`;
  if (t.foreignServer) s += `\nSERVER ${t.foreignServer}`;
  if (t.options?.length) s += `\nWITH (${t.options.join(", ")})`;
  if (t.tablespace) s += `\nTABLESPACE ${t.tablespace}`;
  return s;
}
