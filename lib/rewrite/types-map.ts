/**
 * Column type mappings for types DSQL cannot store. Each is a behaviour change a reviewer must accept:
 * the data survives, the semantics (operators, validation, ordering) do not always.
 */
import type { SchemaModel, TypeRef } from "../model/schema";
import type { RuleId } from "../rules/ids";

export interface TypeMapping {
  to: string;
  rule: RuleId;
  behaviour: string;
  /** No mechanical equivalent: the mapping keeps the DDL valid but the work item stays manual. */
  manual?: boolean;
  /** Enum values, for the CHECK constraint that replaces the type. */
  enumValues?: string[];
}

/** Types DSQL stores as columns (catalog §2.1). */
const SUPPORTED = new Set([
  "int2",
  "int4",
  "int8",
  "smallint",
  "integer",
  "int",
  "bigint",
  "float4",
  "float8",
  "real",
  "numeric",
  "decimal",
  "bpchar",
  "char",
  "character",
  "varchar",
  "text",
  "date",
  "time",
  "timetz",
  "timestamp",
  "timestamptz",
  "interval",
  "bool",
  "boolean",
  "bytea",
  "uuid",
  "json",
  "jsonb",
  "name",
]);

const BUILTIN_MAP: Record<string, Omit<TypeMapping, "rule"> & { rule?: RuleId }> = {
  inet: { to: "text", behaviour: "inet → text: addresses are stored as text; network operators (<<, &&, masklen) and validation are lost" },
  cidr: { to: "text", behaviour: "cidr → text: networks are stored as text; containment operators and validation are lost" },
  macaddr: { to: "text", behaviour: "macaddr → text: no format validation or normalisation" },
  macaddr8: { to: "text", behaviour: "macaddr8 → text: no format validation or normalisation" },
  money: { to: "numeric(19,4)", behaviour: "money → numeric(19,4): no currency formatting; lc_monetary no longer applies" },
  xml: { to: "text", behaviour: "xml → text: no well-formedness check; XPath functions need a cast at query time" },
  tsvector: { to: "text", behaviour: "tsvector → text: no full-text search in DSQL; use an external search service", manual: true },
  tsquery: { to: "text", behaviour: "tsquery → text: no full-text search in DSQL", manual: true },
  bit: { to: "text", behaviour: "bit → text: bit strings stored as '0101' text; bitwise operators lost", manual: true },
  varbit: { to: "text", behaviour: "varbit → text: bit strings stored as text; bitwise operators lost", manual: true },
  point: { to: "text", behaviour: "point → text: geometric operators lost (consider two numeric columns)", manual: true },
  line: { to: "text", behaviour: "line → text: geometric operators lost", manual: true },
  lseg: { to: "text", behaviour: "lseg → text: geometric operators lost", manual: true },
  box: { to: "text", behaviour: "box → text: geometric operators lost", manual: true },
  path: { to: "text", behaviour: "path → text: geometric operators lost", manual: true },
  polygon: { to: "text", behaviour: "polygon → text: geometric operators lost", manual: true },
  circle: { to: "text", behaviour: "circle → text: geometric operators lost", manual: true },
  int4range: { to: "text", behaviour: "range → text: range operators lost (consider two bound columns)", manual: true },
  int8range: { to: "text", behaviour: "range → text: range operators lost (consider two bound columns)", manual: true },
  numrange: { to: "text", behaviour: "range → text: range operators lost (consider two bound columns)", manual: true },
  tsrange: { to: "text", behaviour: "range → text: range operators lost (consider two bound columns)", manual: true },
  tstzrange: { to: "text", behaviour: "range → text: range operators lost (consider two bound columns)", manual: true },
  daterange: { to: "text", behaviour: "range → text: range operators lost (consider two bound columns)", manual: true },
  pg_lsn: { to: "text", behaviour: "pg_lsn → text", manual: true },
  oid: { to: "bigint", behaviour: "oid → bigint", manual: true },
  regclass: { to: "text", behaviour: "regclass → text: no catalog lookup", manual: true },
  regproc: { to: "text", behaviour: "regproc → text: no catalog lookup", manual: true },
  regtype: { to: "text", behaviour: "regtype → text: no catalog lookup", manual: true },
  txid_snapshot: { to: "text", behaviour: "txid_snapshot → text", manual: true },
  citext: {
    to: "text",
    behaviour: "citext → text: comparisons become case-sensitive; compare lower() values or normalise on write",
    manual: true,
  },
  hstore: { to: "jsonb", behaviour: "hstore → jsonb: convert values with hstore_to_jsonb() on export; operators differ", manual: true },
  ltree: { to: "text", behaviour: "ltree → text: path operators lost", manual: true },
  vector: {
    to: "jsonb",
    behaviour: "vector → jsonb: embeddings kept as JSON arrays; similarity search moves to a vector store",
    manual: true,
  },
  geometry: { to: "text", behaviour: "PostGIS geometry → text (WKT/EWKT): spatial queries move to another service", manual: true },
  geography: { to: "text", behaviour: "PostGIS geography → text (WKT): spatial queries move to another service", manual: true },
};

const UNSUPPORTED_RULE: RuleId = "unsupported-column-type";

/**
 * How a declared column type must change for DSQL, or undefined when it can stay. `domainOk` tells
 * whether a user type name is a domain defined in the inputs (domains are supported).
 */
export function mapColumnType(t: TypeRef, model: SchemaModel, searchPath: string): TypeMapping | undefined {
  if (t.arrayDims > 0)
    return {
      to: "jsonb",
      rule: "array-column",
      behaviour: `${t.display} → jsonb: store arrays as JSON arrays; array operators (ANY, @>, unnest) need jsonb equivalents`,
    };
  const k = `${t.schema ?? searchPath}.${t.name}`;
  const userType = model.types.get(k) ?? (t.schema ? undefined : model.types.get(`public.${t.name}`));
  if (userType) {
    if (userType.kind === "enum")
      return {
        to: "text",
        rule: "enum-type",
        behaviour: `enum ${userType.name} → text with a CHECK on its values: ordering follows text, not declaration order`,
        enumValues: userType.values ?? [],
      };
    if (userType.kind === "composite")
      return {
        to: "jsonb",
        rule: "composite-type",
        behaviour: `composite ${userType.name} → jsonb: fields become JSON keys; row constructors and field access change`,
      };
    return { to: "text", rule: "range-or-base-type", behaviour: `${userType.kind} type ${userType.name} → text`, manual: true };
  }
  if (model.domains.has(k) || (!t.schema && model.domains.has(`public.${t.name}`))) return undefined;
  if (!t.schema && SUPPORTED.has(t.name)) return undefined;
  if (t.schema === "pg_catalog" && SUPPORTED.has(t.name)) return undefined;
  const b = BUILTIN_MAP[t.name];
  if (b) return { rule: UNSUPPORTED_RULE, ...b } as TypeMapping;
  if (t.name.startsWith("serial") || t.name.endsWith("serial")) return undefined; // handled as keys
  if (SUPPORTED.has(t.name)) return undefined;
  return { to: "text", rule: UNSUPPORTED_RULE, behaviour: `${t.display} (not a DSQL type) → text`, manual: true };
}

/** Whether a (mapped or original) type can be part of a DSQL key (catalog §2.4). */
export function isKeyableType(typeText: string): boolean {
  const t = typeText.trim().toLowerCase();
  return !/^(jsonb?|bytea|interval|timetz|time with time zone)\b/.test(t);
}
