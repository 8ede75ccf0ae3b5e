import { key, type ColumnModel, type SchemaModel, type TableModel, type TypeRef } from "@/lib/model/schema";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** DSQL rejects at DDL time a key whose declared column sizes add up past this many bytes. */
const MAX_DECLARED_KEY_BYTES = 2000;

/** Fixed on-disk widths in bytes. */
const FIXED: Record<string, number> = {
  bool: 1,
  char: 1,
  int2: 2,
  int4: 4,
  int8: 8,
  float4: 4,
  float8: 8,
  oid: 4,
  money: 8,
  date: 4,
  time: 8,
  timestamp: 8,
  timestamptz: 8,
  uuid: 16,
};

/**
 * Declared width of a column type in bytes, or undefined when the type has no declared bound (text,
 * bytea, varchar without a length, unconstrained numeric): DSQL's DDL check cannot count those either.
 * `varchar(n)` / `char(n)` count n bytes: DSQL measures the declared length, not the UTF-8 worst case
 * (AWS Labs observed `varchar(2000)` accepted as a key; multi-byte values then hit the ~1,981-byte
 * budget at write time). `numeric(p)` counts PostgreSQL's storage: 2 bytes per 4 digits plus an 8-byte header.
 */
export function declaredWidth(t: TypeRef, model: SchemaModel, domains: Map<string, TypeRef>): number | undefined {
  if (t.arrayDims > 0) return undefined;
  if (t.name === "varchar" || t.name === "bpchar") return t.mods[0] ?? (t.name === "bpchar" ? 1 : undefined);
  if (t.name === "numeric" || t.name === "decimal") return t.mods[0] ? Math.ceil(t.mods[0] / 4) * 2 + 8 : undefined;
  if (t.name in FIXED && !t.schema) return FIXED[t.name];
  const domain = domains.get(t.schema ? `${t.schema}.${t.name}` : t.name);
  if (domain) return declaredWidth(domain, model, new Map());
  for (const ut of model.types.values()) if (ut.name === t.name && ut.kind === "enum") return 4;
  return undefined;
}

function width(cols: string[], table: TableModel, model: SchemaModel, domains: Map<string, TypeRef>) {
  let total = 0;
  const parts: string[] = [];
  for (const name of cols) {
    const col: ColumnModel | undefined = table.columns.find((c) => c.name === name);
    const w = col ? declaredWidth(col.type, model, domains) : undefined;
    if (w === undefined) continue;
    total += w;
    parts.push(`${name} ${col!.type.display} = ${w}`);
  }
  return { total, parts };
}

export default defineRule({
  id: "key-too-wide",
  title: "Key wider than 2,000 declared bytes",
  severity: "blocker",
  category: "limits",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.QUOTAS,
  why: "DSQL rejects a primary key or index whose declared column sizes add up to more than 2,000 bytes (`key size greater than 2000 bytes not supported`). At write time the budget is about 1,981 bytes, shared with the primary-key columns every secondary index carries, and counted in bytes (a 4-byte UTF-8 character uses 4).",
  fix: "Key on a shorter column (a uuid or a hash of the long value, e.g. `sha256(value)`), or shorten the declared varchar/char lengths to what the data needs.",
  catalogRows: ["Q:pk-key-size-secondary-index-key-size"],
  example: {
    bad: "CREATE TABLE page (url varchar(4000) PRIMARY KEY);",
    good: "CREATE TABLE page (url_hash bytea PRIMARY KEY GENERATED ALWAYS AS (sha256(url::bytea)) STORED, url varchar(4000));",
  },
  checkModel({ model, report }) {
    const domains = new Map<string, TypeRef>();
    for (const d of model.domains.values()) {
      domains.set(`${d.schema}.${d.name}`, d.baseType);
      domains.set(d.name, d.baseType);
    }
    for (const t of model.tables.values()) {
      for (const c of t.constraints) {
        if (c.kind !== "primary-key" && c.kind !== "unique") continue;
        const w = width(c.columns, t, model, domains);
        if (w.total <= MAX_DECLARED_KEY_BYTES) continue;
        const what = c.kind === "primary-key" ? "primary key" : "unique constraint";
        report({
          message:
            `${what} ${c.name ?? ""} of ${t.schema}.${t.name} declares ${w.total} key bytes (${w.parts.join(", ")}); DSQL rejects keys over ${MAX_DECLARED_KEY_BYTES} bytes`.replace(
              "  ",
              " ",
            ),
          origin: c.origin,
          object: { kind: "constraint", schema: t.schema, name: `${t.name}.${c.name ?? what}` },
          evidence: { declaredBytes: w.total, limit: MAX_DECLARED_KEY_BYTES },
        });
      }
    }
    for (const ix of model.indexes.values()) {
      const t = model.tables.get(key(ix.table));
      if (!t) continue;
      const w = width(
        ix.keys.map((k) => k.column).filter((c): c is string => !!c),
        t,
        model,
        domains,
      );
      if (w.total <= MAX_DECLARED_KEY_BYTES) continue;
      report({
        message: `index ${ix.name} on ${t.schema}.${t.name} declares ${w.total} key bytes (${w.parts.join(", ")}); DSQL rejects keys over ${MAX_DECLARED_KEY_BYTES} bytes`,
        origin: ix.origin,
        object: { kind: "index", schema: ix.schema, name: ix.name },
        evidence: { declaredBytes: w.total, limit: MAX_DECLARED_KEY_BYTES },
      });
    }
  },
});
