import { key, type TableModel } from "@/lib/model/schema";
import { monotonicReason } from "../core/monotonic-column";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "monotonic-index-key",
  title: "Secondary index led by an increasing value",
  severity: "advice",
  category: "indexes",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.PRIMARY_KEYS,
  why: "DSQL stores secondary indexes in key order like tables. An index led by a sequence or timestamp column (created_at, id) takes every new entry at the end of its range, concentrating insert load on one partition.",
  fix: "Lead the index with a better-distributed column the queries also filter on (e.g. `(customer_id, created_at)` instead of `(created_at)`), or drop it if range scans on the time column are rare.",
  catalogRows: ["H:sequential-keys"],
  example: {
    bad: "CREATE TABLE rental (rental_id uuid PRIMARY KEY, customer_id int, rental_date timestamptz);\nCREATE INDEX ASYNC rental_date_idx ON rental (rental_date);",
    good: "CREATE TABLE rental (rental_id uuid PRIMARY KEY, customer_id int, rental_date timestamptz);\nCREATE INDEX ASYNC rental_customer_date_idx ON rental (customer_id, rental_date);",
  },
  checkModel({ model, report }) {
    const reasonFor = (t: TableModel | undefined, column: string | undefined) =>
      t && column ? monotonicReason(t.columns.find((c) => c.name === column)) : undefined;
    for (const ix of model.indexes.values()) {
      const t = model.tables.get(key(ix.table));
      if (t?.partitionOf) continue;
      const lead = ix.keys[0]?.column;
      const reason = reasonFor(t, lead);
      if (!reason) continue;
      report({
        message: `index ${ix.name} on ${ix.table.schema}.${ix.table.name} is led by ${lead}, ${reason}; new entries all land at the end of the index, a write hotspot under heavy inserts`,
        origin: ix.origin,
        object: { kind: "index", schema: ix.schema, name: ix.name },
      });
    }
    // UNIQUE constraints are secondary indexes too.
    for (const t of model.tables.values()) {
      if (t.partitionOf) continue;
      for (const c of t.constraints) {
        if (c.kind !== "unique") continue;
        const reason = reasonFor(t, c.columns[0]);
        if (!reason) continue;
        report({
          message:
            `unique constraint ${c.name ?? ""} on ${t.schema}.${t.name} is led by ${c.columns[0]}, ${reason}; new entries all land at the end of its index, a write hotspot under heavy inserts`.replace(
              "  ",
              " ",
            ),
          origin: c.origin,
          object: { kind: "constraint", schema: t.schema, name: `${t.name}.${c.name ?? c.columns.join("_")}` },
        });
      }
    }
  },
});
