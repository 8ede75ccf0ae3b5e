/**
 * Columns: type mappings (enum → text + CHECK, arrays/composites → jsonb, …), defaults that must follow
 * the new type, collations, compression, generated columns, uuid_generate_v4() → gen_random_uuid().
 * Fixes: the type rules of types-map.ts, non-c-collation, column-compression, virtual-generated-column,
 * extension-function.
 */
import { typeName } from "../../ingest/ast";
import { nodeOffset } from "../../ingest/parse";
import type { AstNode, ParsedStatement } from "../../ingest/parse";
import { Splicer } from "../splice";
import { quoteIdent, quoteLiteral, tokenAt, typeNameEnd } from "../tokens";
import type { Token } from "../tokens";
import { mapColumnType } from "../types-map";
import type { TypeMapping } from "../types-map";
import type { Rewriter, Piece } from "../context";
import { fixIdentityClause } from "./keys";
import { constraintCleanup } from "./constraints";

/** Edits for one column definition (in CREATE TABLE or a folded ADD COLUMN). */
export function rewriteColumn(
  rw: Rewriter,
  stmt: ParsedStatement,
  sp: Splicer,
  toks: Token[],
  first: number,
  last: number,
  cd: AstNode,
  tk: string,
  p?: Piece,
) {
  const colName: string = cd.colname;
  const colKey = `${tk}.${colName}`;
  const typeStart = cd.typeName?.location !== undefined ? tokenAt(toks, nodeOffset(stmt, cd.typeName.location) - stmt.start) : first + 1;
  const typeEnd = typeNameEnd(toks, typeStart);
  const decision = rw.keyDecisions.get(colKey);
  const t = typeName(cd.typeName);
  const tref = {
    name: t.name,
    schema: t.schema,
    mods: t.mods,
    arrayDims: t.arrayDims,
    display: sp.text.slice(toks[typeStart].start, toks[typeEnd].end).replace(/\s+/g, " "),
  };
  const table = rw.model.tables.get(tk);
  let mapping: TypeMapping | undefined = decision ? undefined : mapColumnType(tref, rw.model, rw.sp(stmt));
  const removedType = !decision && rw.isRemoved("type", t.schema, t.name);
  if (removedType && mapping?.rule !== "composite-type") {
    let dom = rw.model.domains.get(`${t.schema ?? rw.sp(stmt)}.${t.name}`);
    for (let i = 0; i < 5 && dom; i++) {
      const next = rw.model.domains.get(`${dom.baseType.schema ?? dom.schema}.${dom.baseType.name}`);
      if (!next) break;
      dom = next;
    }
    const base = dom ? mapColumnType(dom.baseType, rw.model, dom.schema) : undefined;
    mapping = {
      to: t.arrayDims ? "jsonb" : (base?.to ?? dom?.baseType.display ?? "text"),
      rule: base?.rule ?? "unsupported-column-type",
      behaviour: `${tref.display} (${removedType}, not created on DSQL) → ${base?.to ?? dom?.baseType.display ?? "text"}: its checks no longer apply`,
      manual: true,
    };
  }
  const clauses = columnClauses(toks, typeEnd + 1, last);
  const notes = p?.notes ?? [];
  const identityClause = clauses.find((c) => c.kw === "GENERATED" && toks.slice(c.first, c.last + 1).some((x) => x.value === "IDENTITY"));
  if (decision) {
    sp.replaceTokens(toks, typeStart, typeEnd, decision.type, decision.rules[0], decision.note);
    if (decision.addDefault) sp.insert(toks[typeEnd].end, ` DEFAULT ${decision.addDefault}`, decision.rules[0], decision.note);
    if (decision.legacyColumn)
      sp.insert(
        toks[last].end,
        `,\n    ${quoteIdent(decision.legacyColumn)} bigint`,
        "serial-type",
        `old key value kept in ${decision.legacyColumn} for remapping`,
      );
    notes.push(decision.note);
  } else if (mapping) {
    sp.replaceTokens(toks, typeStart, typeEnd, mapping.to, mapping.rule, mapping.behaviour);
    rw.changedColumns.set(colKey, mapping.to);
    rw.typeChanges.push({
      table: tk,
      column: colName,
      from: tref.display,
      to: mapping.to,
      rule: mapping.rule,
      behaviour: mapping.behaviour,
    });
    notes.push(mapping.behaviour);
    if (mapping.enumValues) {
      sp.insert(
        toks[last].end,
        ` CHECK (${quoteIdent(colName)} IN (${mapping.enumValues.map(quoteLiteral).join(", ")}))`,
        "enum-type",
        "enum values enforced by a CHECK constraint",
      );
    }
  } else if (
    (identityClause || rw.identityAddedLater.has(colKey)) &&
    /^(INT4|INTEGER|INT|INT2|SMALLINT)$/.test(toks[typeStart].value) &&
    typeEnd === typeStart
  ) {
    // pg_dump declares an identity column as a plain integer and makes it identity with a later ALTER TABLE.
    sp.replaceTokens(toks, typeStart, typeEnd, "bigint", "identity-column", "DSQL identity columns are bigint");
  }
  // PostgreSQL 18's `CHECK (…) NOT ENFORCED` / `REFERENCES … NOT ENFORCED` on a column.
  const unenforced = new Set<Clause>();
  clauses.forEach((c, i) => {
    const before = clauses[i - 1];
    if (c.kw !== "NOT" || toks[c.first + 1]?.value !== "ENFORCED" || (before?.kw !== "CHECK" && before?.kw !== "REFERENCES")) return;
    unenforced.add(before).add(c);
    dropUnenforced(sp, toks, before.first, c.last, notes);
  });
  for (const c of clauses) {
    if (unenforced.has(c)) continue;
    if (c.kw === "DEFAULT") {
      const exprFirst = c.first + 1;
      if (decision?.dropDefault) {
        sp.removeTokens(toks, c.first, c.last, decision.rules[0], decision.note);
        continue;
      }
      if (mapping) fixMappedDefault(stmt, sp, toks, exprFirst, c.last, mapping, tref, colName, notes);
      replaceExtensionCalls(rw, sp, toks, exprFirst, c.last);
    } else if (c.kw === "COLLATE") {
      const name = toks
        .slice(c.first + 1, c.last + 1)
        .map((x) => x.value.replace(/"/g, ""))
        .join("");
      if (!/^(C|POSIX|pg_catalog\.C|PG_CATALOG\.C|pg_catalog\.POSIX|"C")$/i.test(name)) {
        sp.removeTokens(
          toks,
          c.first,
          c.last,
          "non-c-collation",
          "DSQL uses the C collation only: sorting and comparisons follow byte order",
        );
        notes.push(`${colName}: COLLATE ${name} removed (byte-order sorting)`);
      }
    } else if (c.kw === "COMPRESSION") {
      sp.removeTokens(toks, c.first, c.last, "column-compression", "DSQL manages compression itself");
    } else if (c.kw === "GENERATED" && c === identityClause) {
      fixIdentityClause(sp, toks, c.first, c.last);
    } else if (c.kw === "GENERATED") {
      const vi = toks.slice(c.first, c.last + 1).findIndex((x) => x.value === "VIRTUAL");
      if (vi >= 0)
        sp.replaceTokens(
          toks,
          c.first + vi,
          c.first + vi,
          "STORED",
          "virtual-generated-column",
          "DSQL supports stored generated columns only",
        );
      else if (!toks.slice(c.first, c.last + 1).some((x) => x.value === "STORED")) {
        sp.insert(toks[c.last].end, " STORED", "virtual-generated-column", "PostgreSQL 18 defaults to VIRTUAL; DSQL needs STORED");
      }
    } else if (
      c.kw === "CHECK" &&
      mapping &&
      !mapping.enumValues &&
      toks.slice(c.first, c.last + 1).some((x) => x.kind === "word" && x.value === colName.toUpperCase())
    ) {
      sp.removeTokens(toks, c.first, c.last, mapping.rule, `CHECK on ${colName} dropped: it was written for ${tref.display}`);
      notes.push(`${colName}: CHECK removed with the type change (re-create it for ${mapping.to} if still needed)`);
    } else if (c.kw === "PRIMARY" || c.kw === "UNIQUE") {
      constraintCleanup(sp, toks, c.first, c.last);
    } else if (c.kw === "REFERENCES" && p && decision?.follows) {
      // The column holds a placeholder until the key remap: its foreign key is added after it (remap/).
      sp.removeTokens(
        toks,
        c.first,
        c.last,
        "serial-type",
        `foreign key on ${colName} added by remap/30_foreign_keys.sql once the key remap has filled the uuid column`,
      );
      notes.push(`${colName}: foreign key added after the key remap (remap/30_foreign_keys.sql)`);
    }
  }
  void table;
}

/** A mapped column's default must produce the new type. */
export function fixMappedDefault(
  stmt: ParsedStatement,
  sp: Splicer,
  toks: Token[],
  first: number,
  last: number,
  m: TypeMapping,
  orig: { display: string; arrayDims: number },
  col: string,
  notes: string[],
) {
  const exprText = sp.text.slice(toks[first].start, toks[last].end);
  if (orig.arrayDims > 0) {
    const lit = /^'((?:[^']|'')*)'/.exec(exprText);
    let json: string | undefined;
    if (lit) json = pgArrayToJson(lit[1].replace(/''/g, "'"));
    else if (/^ARRAY\s*\[\s*\]/i.test(exprText)) json = "[]";
    if (json !== undefined)
      sp.replace(toks[first].start, toks[last].end, `${quoteLiteral(json)}::jsonb`, m.rule, "array default converted to a JSON array");
    else {
      sp.replace(toks[first - 1].start, toks[last].end, "", m.rule, "array default has no jsonb equivalent");
      notes.push(`${col}: default ${exprText} dropped (set it in the application)`);
    }
    return;
  }
  // Casts to the old type become casts to the new one: 'G'::mpaa_rating → 'G'::text.
  for (let k = first; k <= last; k++) {
    if (toks[k].value === "::" && toks[k + 1]) {
      const e = typeNameEnd(toks, k + 1);
      const castType = sp.text
        .slice(toks[k + 1].start, toks[e].end)
        .toLowerCase()
        .replace(/["\s]/g, "");
      const origBase = orig.display.toLowerCase().replace(/["\s]/g, "");
      if (castType === origBase || castType.endsWith(`.${origBase.split(".").pop()}`) || castType === origBase.split(".").pop()) {
        sp.replace(toks[k + 1].start, toks[e].end, m.to, m.rule, `cast follows the column's new type ${m.to}`);
      }
      k = e;
    }
  }
  void stmt;
}

/** uuid_generate_v4() → gen_random_uuid() (built in on DSQL). */
/**
 * Leave out a NOT ENFORCED constraint (PostgreSQL 18): it was never checked and PostgreSQL 16 has none, so
 * dropping it changes nothing; its text stays in the notes. `from`/`to` widen the removal (a separating comma).
 */
export function dropUnenforced(sp: Splicer, toks: Token[], first: number, last: number, notes: string[], from = first, to = last) {
  notes.push(unenforcedNote(sp.text.slice(toks[first].start, toks[last].end)));
  sp.removeTokens(toks, from, to, "newer-postgres-feature", "NOT ENFORCED: never checked, and PostgreSQL 16 has no unenforced constraints");
}

export function unenforcedNote(text: string): string {
  return `dropped, as it was never checked (NOT ENFORCED is PostgreSQL 18): ${text}`;
}

export function replaceExtensionCalls(rw: Rewriter, sp: Splicer, toks: Token[], first: number, last: number) {
  // A name as PostgreSQL reads it: words fold to lower case, "quoted" names (pg_dump --quote-all-identifiers) do not.
  const nameOf = (t: Token | undefined) =>
    t?.kind === "word" ? t.value.toLowerCase() : t?.kind === "qident" ? t.value.slice(1, -1).replace(/""/g, '"') : undefined;
  for (let k = first; k <= last; k++) {
    const name = nameOf(toks[k]);
    // PostgreSQL 18's uuidv4() / uuidv7() (no argument): PostgreSQL 16 has gen_random_uuid(). A schema's own uuidv7() stays.
    if (
      (name === "uuidv4" || name === "uuidv7") &&
      toks[k + 1]?.value === "(" &&
      toks[k + 2]?.value === ")" &&
      !rw.model.routines.some((r) => r.name.toLowerCase() === name)
    ) {
      const s = toks[k - 1]?.value === "." && nameOf(toks[k - 2]) === "pg_catalog" ? k - 2 : k;
      sp.replace(
        toks[s].start,
        toks[k].end,
        "gen_random_uuid",
        "newer-postgres-feature",
        name === "uuidv7"
          ? "uuidv7() is PostgreSQL 18: gen_random_uuid() is random, not time-ordered, which spreads inserts across DSQL's key range"
          : "uuidv4() is PostgreSQL 18's name for gen_random_uuid()",
      );
      continue;
    }
    if (name === "uuid_generate_v4" && toks[k + 1]?.value === "(") {
      let s = k;
      if (toks[k - 1]?.value === "." && toks[k - 2]) s = k - 2;
      sp.replace(
        toks[s].start,
        toks[k].end,
        "gen_random_uuid",
        "extension-function",
        "gen_random_uuid() is built in (uuid-ossp is not available)",
      );
    }
  }
}

interface Clause {
  kw: string;
  first: number;
  last: number;
}

const CLAUSE_WORDS = new Set([
  "CONSTRAINT",
  "NOT",
  "NULL",
  "CHECK",
  "DEFAULT",
  "GENERATED",
  "UNIQUE",
  "PRIMARY",
  "REFERENCES",
  "COLLATE",
  "COMPRESSION",
  "STORAGE",
  "DEFERRABLE",
  "INITIALLY",
]);

/** Split a column definition's tail into clauses (DEFAULT …, NOT NULL, CHECK (…), COLLATE x, …). */
export function columnClauses(toks: Token[], from: number, to: number): Clause[] {
  const out: Clause[] = [];
  if (from > to) return out;
  const d = toks[from]?.depth ?? 0;
  let cur: Clause | undefined;
  let pendingConstraint = -1;
  for (let k = from; k <= to; k++) {
    const t = toks[k];
    const startsClause =
      t.depth === d &&
      t.kind === "word" &&
      CLAUSE_WORDS.has(t.value) &&
      !(cur?.kw === "DEFAULT" && k === cur.first + 1) &&
      !(t.value === "DEFAULT" && toks[k - 1]?.value === "BY") &&
      !(t.value === "NULL" && toks[k - 1]?.value === "NOT") &&
      !(t.value === "DEFERRABLE" && cur?.kw !== undefined && cur.kw !== "DEFAULT") &&
      !(t.value === "INITIALLY" && cur?.kw !== undefined && cur.kw !== "DEFAULT") &&
      !(t.value === "NOT" && toks[k + 1]?.value === "DEFERRABLE") &&
      !(cur?.kw === "GENERATED" && (t.value === "NULL" || t.value === "NOT"));
    if (startsClause) {
      if (cur) out.push(cur);
      if (t.value === "CONSTRAINT") {
        pendingConstraint = k;
        cur = undefined;
        k++;
        continue;
      }
      cur = { kw: t.value, first: pendingConstraint >= 0 ? pendingConstraint : k, last: k };
      pendingConstraint = -1;
    } else if (cur) cur.last = k;
  }
  if (cur) out.push(cur);
  return out;
}

/** `{a,b}` (a simple one-dimensional PostgreSQL array literal) → JSON array text. */
export function pgArrayToJson(lit: string): string | undefined {
  const m = /^\{(.*)\}$/s.exec(lit.trim());
  if (!m) return undefined;
  if (m[1].trim() === "") return "[]";
  const items: string[] = [];
  let i = 0;
  const s = m[1];
  while (i < s.length) {
    if (s[i] === '"') {
      let j = i + 1;
      let v = "";
      while (j < s.length && s[j] !== '"') {
        if (s[j] === "\\") j++;
        v += s[j++];
      }
      items.push(JSON.stringify(v));
      i = j + 1;
    } else {
      const j = s.indexOf(",", i);
      const raw = (j < 0 ? s.slice(i) : s.slice(i, j)).trim();
      if (raw.startsWith("{")) return undefined;
      items.push(raw.toUpperCase() === "NULL" ? "null" : /^-?\d+(\.\d+)?$/.test(raw) ? raw : JSON.stringify(raw));
      i = j < 0 ? s.length : j;
    }
    if (s[i] === ",") i++;
  }
  return `[${items.join(",")}]`;
}
