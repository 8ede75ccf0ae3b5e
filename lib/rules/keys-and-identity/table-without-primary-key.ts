import { primaryKey } from "@/lib/model/schema";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "table-without-primary-key",
  title: "Table without a primary key",
  severity: "warning",
  category: "keys-and-identity",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.PRIMARY_KEYS,
  why: "DSQL stores rows in primary-key order. A table created without one gets a hidden synthetic key, and a primary key can never be added later.",
  fix: "Declare the primary key inside CREATE TABLE. If no natural key exists, add `id uuid DEFAULT gen_random_uuid() PRIMARY KEY`.",
  catalogRows: [21],
  example: {
    bad: "CREATE TABLE audit_log (at timestamptz, what text);",
    good: "CREATE TABLE audit_log (id uuid DEFAULT gen_random_uuid() PRIMARY KEY, at timestamptz, what text);",
  },
  checkModel({ model, report }) {
    for (const t of model.tables.values()) {
      if (t.partitionOf || t.foreign || t.persistence === "temporary") continue;
      if (primaryKey(t)) continue;
      report({
        message: `table ${t.schema}.${t.name} has no primary key; DSQL cannot add one after creation`,
        origin: t.origin,
        object: { kind: "table", schema: t.schema, name: t.name },
      });
    }
  },
});
