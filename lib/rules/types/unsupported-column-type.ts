import { declaredTypes, TYPE_DECLARING_KINDS } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** Column types DSQL does not store, with the usual replacement (§2.3 of the catalog). */
const REPLACEMENTS: Record<string, string> = {
  money: "numeric(19,4)",
  xml: "text",
  bit: "text or bytea",
  varbit: "text or bytea",
  inet: "text",
  cidr: "text",
  macaddr: "text",
  macaddr8: "text",
  tsvector: "text, with search in an external service",
  tsquery: "text",
  point: "two numeric columns (x, y)",
  line: "numeric columns for the coefficients",
  lseg: "numeric columns for the end points",
  box: "numeric columns for the corners",
  path: "jsonb or text",
  polygon: "jsonb or text (e.g. GeoJSON)",
  circle: "numeric columns for centre and radius",
  int4range: "two bound columns",
  int8range: "two bound columns",
  numrange: "two bound columns",
  tsrange: "two bound columns",
  tstzrange: "two bound columns",
  daterange: "two bound columns",
  int4multirange: "a child table of bounds",
  int8multirange: "a child table of bounds",
  nummultirange: "a child table of bounds",
  tsmultirange: "a child table of bounds",
  tstzmultirange: "a child table of bounds",
  datemultirange: "a child table of bounds",
  hstore: "jsonb",
  citext: "text (compare with lower())",
  ltree: "text",
  lquery: "text",
  ltxtquery: "text",
  cube: "one numeric column per coordinate",
  earth: "latitude/longitude numeric columns",
  vector: "an external vector store",
  halfvec: "an external vector store",
  sparsevec: "an external vector store",
  geometry: "GeoJSON text or lat/lng numeric columns",
  geography: "GeoJSON text or lat/lng numeric columns",
  pg_lsn: "text or bigint",
  oid: "bigint",
  regclass: "text",
  regproc: "text",
  regprocedure: "text",
  regoper: "text",
  regoperator: "text",
  regtype: "text",
  regconfig: "text",
  regdictionary: "text",
  regnamespace: "text",
  regrole: "text",
  regcollation: "text",
  xid: "bigint",
  xid8: "bigint",
  cid: "bigint",
  tid: "text",
  txid_snapshot: "text",
  pg_snapshot: "text",
};

/** Replacements that are a drop-in type change; the others need data or query changes too. */
const MECHANICAL = new Set([
  "money",
  "xml",
  "inet",
  "cidr",
  "macaddr",
  "macaddr8",
  "citext",
  "ltree",
  "hstore",
  "oid",
  "pg_lsn",
  "xid",
  "xid8",
  "txid_snapshot",
  "pg_snapshot",
]);

export function unsupportedTypeReplacement(name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(REPLACEMENTS, name) ? REPLACEMENTS[name] : undefined;
}

export default defineRule({
  id: "unsupported-column-type",
  title: "Column type DSQL does not support",
  severity: "blocker",
  category: "types",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.TYPES,
  why: "DSQL stores only a fixed list of types (numbers, text, dates and times, boolean, bytea, uuid, json/jsonb). money, xml, bit strings, network addresses, text-search, geometric, range and extension types (hstore, citext, ltree, vector, PostGIS) and system identifiers cannot be column or domain types.",
  fix: "Change the type: money → numeric(19,4); xml, inet/cidr/macaddr, citext, ltree → text; hstore → jsonb. Geometric, range, text-search and vector columns need a new representation (bound/coordinate columns, an external search or vector store) and query changes.",
  catalogRows: [
    62,
    "T:money",
    "T:xml",
    "T:bit",
    "T:inet",
    "T:cidr",
    "T:macaddr",
    "T:tsvector",
    "T:geometric",
    "T:range",
    "T:extension-types",
    "T:pg_lsn",
    "T:oid",
  ],
  example: {
    bad: "CREATE TABLE payment (amount money, client_ip inet);",
    good: "CREATE TABLE payment (amount numeric(19,4), client_ip text);",
  },
  kinds: TYPE_DECLARING_KINDS,
  checkStatement(ctx) {
    for (const d of declaredTypes(ctx)) {
      const replacement = unsupportedTypeReplacement(d.type.name);
      if (!replacement) continue;
      // A user type that happens to share a built-in name is the user-type rules' business.
      const schema = d.type.schema ?? ctx.builder.qualify({ name: d.type.name }).schema;
      if (ctx.model.types.has(`${schema}.${d.type.name}`) || ctx.model.domains.has(`${schema}.${d.type.name}`)) continue;
      const arr = d.type.arrayDims ? "[]" : "";
      ctx.report({
        message: `${d.label} has type ${d.type.name}${arr}, which DSQL does not support; use ${replacement}`,
        location: d.location,
        object: d.object,
        evidence: { type: d.type.name, replacement, rewrite: MECHANICAL.has(d.type.name) ? "auto" : "manual" },
      });
    }
  },
});
