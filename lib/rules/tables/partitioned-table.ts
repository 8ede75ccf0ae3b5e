import { rangeVar } from "@/lib/ingest/ast";
import { tableCommands, tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** PARTITION BY, PARTITION OF and ATTACH/DETACH PARTITION: parent and children are one finding family. */
export default defineRule({
  id: "partitioned-table",
  title: "Declarative partitioning",
  severity: "blocker",
  category: "tables",
  fixKind: "auto",
  effort: "significant",
  docsUrl: SOURCES.MIG,
  why: "DSQL rejects declarative partitioning (`PARTITION BY clause not supported for CREATE TABLE`, `PARTITION OF clause not supported`); it partitions and distributes every table by primary key on its own.",
  fix: "Merge the parent and its partitions into one flat table with a well-distributed primary key; drop partition-maintenance jobs. Replace partition pruning by the partition key with an index on it, and dropping old partitions with batched deletes.",
  catalogRows: [17],
  example: {
    bad: "CREATE TABLE payment (…) PARTITION BY RANGE (payment_date);\nCREATE TABLE payment_p2022_01 PARTITION OF payment FOR VALUES FROM ('2022-01-01') TO ('2022-02-01');",
    good: "CREATE TABLE payment (payment_id uuid DEFAULT gen_random_uuid() PRIMARY KEY, payment_date timestamptz NOT NULL, …);\nCREATE INDEX ASYNC payment_date_idx ON payment (payment_date);",
  },
  kinds: ["CreateStmt", "AlterTableStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (stmt.kind === "CreateStmt") {
      const t = tableRef(builder, n.relation);
      if (n.partspec) {
        const strategy = String(n.partspec.strategy ?? "").replace("PARTITION_STRATEGY_", "");
        report({
          message: `table ${t.schema}.${t.name} is partitioned (PARTITION BY ${strategy}); DSQL does not support declarative partitioning`,
          location: n.partspec.location,
          object: t,
        });
      }
      if (n.partbound) {
        const parent = tableRef(builder, n.inhRelations?.[0]?.RangeVar);
        report({
          message: `table ${t.schema}.${t.name} is a partition of ${parent.schema}.${parent.name}; merge it into one flat table`,
          location: n.partbound.location ?? n.relation?.location,
          object: t,
        });
      }
      return;
    }
    for (const cmd of tableCommands(n)) {
      if (cmd.subtype !== "AT_AttachPartition" && cmd.subtype !== "AT_DetachPartition" && cmd.subtype !== "AT_DetachPartitionFinalize")
        continue;
      const parent = tableRef(builder, n.relation);
      const child = builder.qualify(rangeVar(cmd.def?.PartitionCmd?.name));
      const verb = cmd.subtype === "AT_AttachPartition" ? "ATTACH" : "DETACH";
      report({
        message: `${verb} PARTITION ${child.schema}.${child.name} on ${parent.schema}.${parent.name}: DSQL does not support declarative partitioning`,
        location: cmd.def?.PartitionCmd?.name?.location,
        object: { kind: "table", ...child },
      });
    }
  },
});
