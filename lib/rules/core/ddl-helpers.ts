/**
 * Small shared helpers for the DDL rules: which table a statement is about, how to name it in a
 * finding, and the ALTER TABLE sub-commands of a statement.
 */
import { rangeVar } from "@/lib/ingest/ast";
import type { AstNode } from "@/lib/ingest/parse";
import type { ModelBuilder } from "@/lib/model/build";
import { primaryKey, type TableModel } from "@/lib/model/schema";
import type { ObjectRef } from "./rule";

/** Table named by a RangeVar, qualified with the search_path in effect. */
export function tableRef(builder: ModelBuilder, rv: AstNode | undefined): ObjectRef {
  const q = builder.qualify(rangeVar(rv));
  return { kind: "table", schema: q.schema, name: q.name };
}

/** A column of a table as a finding object. */
export function columnRef(table: ObjectRef, column: string): ObjectRef {
  return { kind: "column", schema: table.schema, name: `${table.name}.${column}` };
}

/** A constraint of a table as a finding object (unnamed constraints are named after their table). */
export function constraintRef(table: ObjectRef, name: string | undefined): ObjectRef {
  return { kind: "constraint", schema: table.schema, name: `${table.name}.${name ?? "(unnamed)"}` };
}

/** The AlterTableCmd nodes of an `ALTER TABLE` (not ALTER INDEX/SEQUENCE/VIEW, which share the node). */
export function tableCommands(node: AstNode): AstNode[] {
  // The ALTER TABLE rules ask in turn about the same statement: the last answer is kept (callers only read it).
  if (node !== lastCommandsOf) {
    lastCommandsOf = node;
    lastCommands = node.objtype !== "OBJECT_TABLE" ? [] : (node.cmds ?? []).map((c: AstNode) => c.AlterTableCmd).filter(Boolean);
  }
  return lastCommands;
}
let lastCommandsOf: AstNode | undefined;
let lastCommands: AstNode[] = [];

/** Where to point for an ALTER TABLE sub-command: its constraint or column if it has one, else the table name. */
export function commandLocation(stmtNode: AstNode, cmd: AstNode): number | undefined {
  return cmd.def?.Constraint?.location ?? cmd.def?.ColumnDef?.location ?? stmtNode.relation?.location;
}

/** The table's primary-key column names as the model knows them before this statement. */
export function primaryKeyColumns(table: TableModel | undefined): Set<string> {
  return new Set(table ? (primaryKey(table)?.columns ?? []) : []);
}
