import type { AstNode } from "@/lib/ingest/parse";
import { columnRef, tableCommands, tableRef } from "../core/ddl-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const CLAUSES: Record<string, string> = {
  CONSTR_NOTNULL: "NOT NULL",
  CONSTR_DEFAULT: "DEFAULT",
  CONSTR_IDENTITY: "GENERATED AS IDENTITY",
  CONSTR_GENERATED: "GENERATED ALWAYS AS",
  CONSTR_PRIMARY: "PRIMARY KEY",
  CONSTR_UNIQUE: "UNIQUE",
  CONSTR_CHECK: "CHECK",
  CONSTR_FOREIGN: "REFERENCES",
  CONSTR_EXCLUSION: "EXCLUDE",
};

export default defineRule({
  id: "add-column-with-constraint",
  title: "ADD COLUMN with a default or constraint",
  severity: "blocker",
  category: "tables",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.ALTER_TABLE,
  why: "DSQL's ALTER TABLE ADD COLUMN takes only a name and type (`ALTER TABLE ADD COLUMN with constraint not supported`): no NOT NULL, DEFAULT, identity, generated expression, key, CHECK or REFERENCES.",
  fix: "Add the bare column, backfill it with batched UPDATEs (at most 3,000 rows per transaction), then `ALTER COLUMN … SET DEFAULT` (since 2026-07-06) or a `CHECK … NOT VALID` constraint. Or put the column in CREATE TABLE if the table is new.",
  catalogRows: [32],
  example: {
    bad: "ALTER TABLE film ADD COLUMN rating_count int NOT NULL DEFAULT 0;",
    good: "ALTER TABLE film ADD COLUMN rating_count int;\n-- backfill in batches, then:\nALTER TABLE film ALTER COLUMN rating_count SET DEFAULT 0;",
  },
  kinds: ["AlterTableStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    for (const cmd of tableCommands(n)) {
      const cd = cmd.def?.ColumnDef;
      if (cmd.subtype !== "AT_AddColumn" || !cd) continue;
      const clauses = [...new Set((cd.constraints ?? []).map((c: AstNode) => CLAUSES[c.Constraint?.contype]).filter(Boolean))];
      if (clauses.length === 0) continue;
      const t = tableRef(builder, n.relation);
      report({
        message: `ADD COLUMN ${cd.colname} on ${t.schema}.${t.name} carries ${clauses.join(", ")}; DSQL adds only bare columns (name and type)`,
        location: cd.location,
        object: columnRef(t, cd.colname),
      });
    }
  },
});
