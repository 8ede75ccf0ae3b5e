import { key, type IndexModel } from "@/lib/model/schema";
import { CAPABILITIES } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** True when `cols` are, in any order, exactly the first cols.length columns of `keys`. */
function leads(keys: Array<string | undefined>, cols: string[]): boolean {
  if (keys.length < cols.length) return false;
  const head = new Set(keys.slice(0, cols.length));
  return cols.every((c) => head.has(c));
}

export default defineRule({
  id: "foreign-key-unindexed",
  title: "Foreign key without an index on its columns",
  severity: "advice",
  category: "constraints",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.FOREIGN_KEYS,
  why: "DSQL checks referencing rows when a parent row is deleted or its key changes. Without an index led by the foreign-key columns each check scans the child table; a third-party test hit the 300-second transaction limit deleting one parent.",
  fix: "Create an index whose leading columns are the foreign-key columns: `CREATE INDEX ASYNC … ON child (fk_cols)`.",
  appliesFrom: CAPABILITIES.foreignKeys,
  catalogRows: [26],
  example: {
    bad: "CREATE TABLE rental (rental_id uuid PRIMARY KEY, customer_id uuid REFERENCES customer);",
    good: "CREATE TABLE rental (rental_id uuid PRIMARY KEY, customer_id uuid REFERENCES customer);\nCREATE INDEX ASYNC rental_customer_id_idx ON rental (customer_id);",
  },
  checkModel({ model, report }) {
    // Group indexes by table once, so the check stays linear. Partial indexes count: the usual one is
    // `WHERE fk IS NOT NULL`, which serves every check a parent's delete or key change makes.
    const byTable = new Map<string, IndexModel[]>();
    for (const ix of model.indexes.values()) {
      const k = key(ix.table);
      const list = byTable.get(k);
      if (list) list.push(ix);
      else byTable.set(k, [ix]);
    }
    for (const t of model.tables.values()) {
      // A partition disappears into its flat parent on DSQL; the parent is what needs the index.
      if (t.partitionOf) continue;
      const fks = t.constraints.filter((c) => c.kind === "foreign-key" && c.columns.length > 0);
      if (fks.length === 0) continue;
      const keyLists: Array<Array<string | undefined>> = [
        ...t.constraints.filter((c) => c.kind === "primary-key" || c.kind === "unique").map((c) => c.columns),
        ...(byTable.get(key(t)) ?? []).map((ix) => ix.keys.map((k) => k.column)),
      ];
      for (const fk of fks) {
        if (keyLists.some((k) => leads(k, fk.columns))) continue;
        report({
          message:
            `foreign key ${fk.name ?? ""} on ${t.schema}.${t.name} (${fk.columns.join(", ")}) has no index led by those columns; deletes and key updates on ${fk.references?.table.name ?? "the parent"} will scan ${t.name}`.replace(
              "key  on",
              "key on",
            ),
          origin: fk.origin,
          object: { kind: "constraint", schema: t.schema, name: `${t.name}.${fk.name ?? fk.columns.join("_")}` },
        });
      }
    }
  },
});
