import { key, type ColumnModel, type SchemaModel, type TableModel } from "@/lib/model/schema";
import { CAPABILITIES, isSupported } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const NEVER_KEY = new Set(["json", "jsonb", "bytea", "interval", "timetz"]);

/** Base type name of a column, looking through a domain. */
function baseType(model: SchemaModel, t: TableModel, c: ColumnModel): string {
  const d =
    model.domains.get(key({ schema: c.type.schema ?? t.schema, name: c.type.name })) ??
    (c.type.schema ? undefined : model.domains.get(`public.${c.type.name}`));
  return (d ? d.baseType.name : c.type.name).toLowerCase();
}

export default defineRule({
  id: "unsupported-key-type",
  title: "Key column of a type DSQL cannot index",
  severity: "blocker",
  category: "keys-and-identity",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.TYPES,
  why: "DSQL cannot use json, jsonb, bytea, interval or timetz columns (nor numeric before 2026-02-03) as primary-key, unique or index key columns (`datatype … is not supported in a key`).",
  fix: "Key on a derived column instead (a stored generated text/bigint column, a hash of the bytes, seconds instead of an interval, timestamptz instead of timetz), or on an expression since 2026-08-13.",
  catalogRows: [47, "T:key-types"],
  example: {
    bad: "CREATE TABLE doc (body jsonb PRIMARY KEY);",
    good: "CREATE TABLE doc (id uuid DEFAULT gen_random_uuid() PRIMARY KEY, body jsonb);",
  },
  checkModel({ model, targetDate, report }) {
    const numericBlocked = !isSupported(CAPABILITIES.numericKeys, targetDate);
    const bad = (name: string) => NEVER_KEY.has(name) || (numericBlocked && (name === "numeric" || name === "decimal"));
    const check = (t: TableModel, columns: string[], what: string, origin: TableModel["origin"], objectName: string) => {
      for (const name of columns) {
        const c = t.columns.find((x) => x.name === name);
        if (!c || c.type.arrayDims) continue;
        const base = baseType(model, t, c);
        if (!bad(base)) continue;
        report({
          message: `${what} on ${t.schema}.${t.name} uses column ${name} of type ${c.type.display}${base !== c.type.name ? ` (${base})` : ""}, which DSQL cannot use in a key${base === "numeric" ? ` before ${CAPABILITIES.numericKeys.since}` : ""}`,
          origin,
          object: { kind: what.startsWith("index") ? "index" : "constraint", schema: t.schema, name: objectName },
        });
      }
    };
    for (const t of model.tables.values()) {
      if (t.foreign) continue;
      for (const con of t.constraints) {
        if (con.kind !== "primary-key" && con.kind !== "unique") continue;
        const label = con.kind === "primary-key" ? "primary key" : "unique constraint";
        check(t, con.columns, `${label}${con.name ? ` ${con.name}` : ""}`, con.origin, `${t.name}.${con.name ?? label}`);
      }
    }
    for (const idx of model.indexes.values()) {
      const t = model.tables.get(key(idx.table));
      if (!t || t.foreign) continue;
      const cols = idx.keys.filter((k) => k.column).map((k) => k.column!);
      check(t, cols, `index ${idx.name}`, idx.origin, idx.name);
    }
  },
});
