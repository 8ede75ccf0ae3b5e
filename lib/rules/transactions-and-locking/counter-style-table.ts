import { counterColumns } from "@/lib/workload/keys";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "counter-style-table",
  title: "Counter-style table (hot-row risk)",
  severity: "advice",
  category: "transactions-and-locking",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.CONCURRENCY,
  why: "A narrow table holding running totals (hits, balance, stock) is usually updated by many transactions on the same few rows. Under DSQL's optimistic concurrency, concurrent updates of one row conflict at commit and all but one fail with 40001. With a live source, workload-hot-rows shows whether it really happens.",
  fix: "Shard the counter (N rows per logical counter, update a random one, sum on read), batch increments, or compute the aggregate with a query; keep single-row contention only where it is a real constraint (inventory, balances) and retry on 40001.",
  catalogRows: [],
  example: {
    bad: "CREATE TABLE page_views (page_id bigint PRIMARY KEY, views bigint NOT NULL DEFAULT 0);",
    good: "CREATE TABLE page_view_events (event_id uuid PRIMARY KEY, page_id bigint NOT NULL, viewed_at timestamptz NOT NULL); -- count on read",
  },
  checkModel({ model, report }) {
    for (const t of model.tables.values()) {
      if (t.partitionOf || t.persistence === "temporary") continue;
      const cols = counterColumns(t);
      if (!cols.length) continue;
      report({
        message: `table ${t.schema}.${t.name} looks like a counter table (${cols.join(", ")}); concurrent updates of the same row conflict at commit on DSQL`,
        origin: t.origin,
        object: { kind: "table", schema: t.schema, name: t.name },
        evidence: { columns: cols.join(", ") },
      });
    }
  },
});
