import { relObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const WHAT: Record<string, string> = {
  AT_AttachPartition: "ATTACH PARTITION",
  AT_SetRelOptions: "SET (…)",
  AT_ResetRelOptions: "RESET (…)",
  AT_SetTableSpace: "SET TABLESPACE",
  AT_SetStatistics: "ALTER COLUMN … SET STATISTICS",
};

export default defineRule({
  id: "alter-index",
  title: "ALTER INDEX other than RENAME",
  severity: "blocker",
  category: "indexes",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.CREATE_INDEX,
  why: "DSQL supports renaming an index but no other ALTER INDEX form (storage parameters, tablespaces, partition attachment, statistics targets). pg_dump writes ALTER INDEX … ATTACH PARTITION for partitioned tables.",
  fix: "Drop the statement, or drop and recreate the index with the wanted definition (CREATE INDEX ASYNC). Partition indexes go away with the partitioning.",
  catalogRows: [48],
  example: {
    bad: "ALTER INDEX payment_p2022_01_idx ATTACH PARTITION ...; ALTER INDEX idx SET (fillfactor = 70);",
    good: "ALTER INDEX idx RENAME TO idx_new;",
  },
  kinds: ["AlterTableStmt", "AlterTableMoveAllStmt", "AlterObjectDependsStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (stmt.kind === "AlterTableStmt") {
      if (n.objtype !== "OBJECT_INDEX") return;
      const forms = (n.cmds ?? []).map(
        (c: any) => WHAT[c.AlterTableCmd?.subtype] ?? String(c.AlterTableCmd?.subtype ?? "").replace(/^AT_/, ""),
      );
      report({
        message: `ALTER INDEX ${n.relation?.relname} ${forms.join(", ")} is not supported (only RENAME is)`,
        object: relObject(builder, n.relation, "index"),
      });
    } else if (stmt.kind === "AlterTableMoveAllStmt") {
      if (n.objtype === "OBJECT_INDEX") report({ message: "ALTER INDEX ALL IN TABLESPACE is not supported" });
    } else if (n.objectType === "OBJECT_INDEX") {
      report({
        message: `ALTER INDEX ${n.relation?.relname ?? ""} DEPENDS ON EXTENSION is not supported`,
        object: relObject(builder, n.relation, "index"),
      });
    }
  },
});
