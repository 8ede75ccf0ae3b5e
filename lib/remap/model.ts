/**
 * What the key remap must do, derived from a rewrite: which keys switched to uuid (their old value kept
 * in `old_<key>`), which child columns follow them (old value in `old_<fkcol>`), how each table is cut
 * into batches (by a key whose values never change during the remap), and which foreign keys wait for
 * the remap before they are added and validated. Engine code only.
 */
import { key, primaryKey, type ColumnModel, type ConstraintModel, type TableModel } from "../model/schema";
import type { RewriteResult } from "../rewrite/types";

/** DSQL allows 3,000 modified rows per transaction; a margin under it. */
export const DEFAULT_BATCH_ROWS = 2500;
export const MAX_BATCH_ROWS = 3000;
/** Rows per verification query: stays well under the 5-minute and 128 MiB query limits. */
export const DEFAULT_VERIFY_CHUNK_ROWS = 100_000;

export interface RemapOptions {
  /** Rows per remap transaction (1–3,000; default 2,500). */
  batchRows?: number;
  /** Width of a verification chunk in key values (default 100,000). */
  verifyChunkRows?: number;
}

export interface TableShape {
  table: TableModel;
  /** `schema.name` */
  key: string;
  /** Source column → DSQL column holding the same values (`film_id` → `old_film_id`). */
  renames: Map<string, string>;
  /** The uuid key, when this table's key switched. */
  uuidKey?: { column: string; oldColumn: string };
  /**
   * Columns (DSQL side) whose values identify a row and never change during the remap: the source primary
   * key with switched columns replaced by their old values. Empty when the table has no key.
   */
  stableKey: string[];
  /** The same columns on the source. */
  sourceKey: string[];
  /** The leading stable-key column holds integers (fixed-width key ranges are possible). */
  integerLead: boolean;
  /** The stable key is not the DSQL primary key, so the remap creates an index on it. */
  needsStableIndex: boolean;
}

/** One child column to fill from its parent's new uuid. */
export interface RemapJob {
  child: string;
  column: string;
  oldColumn: string;
  parent: string;
  parentKey: string;
  parentOldKey: string;
  notNull: boolean;
  /** Declared as a foreign key (false: a column named after the key, followed by name). */
  declared: boolean;
}

/** A foreign key that involves remapped columns: added NOT VALID and validated after the remap. */
export interface DeferredForeignKey {
  name: string;
  child: string;
  columns: string[];
  parent: string;
  refColumns: string[];
  constraint: ConstraintModel;
}

export interface RemapModel {
  shapes: Map<string, TableShape>;
  jobs: RemapJob[];
  foreignKeys: DeferredForeignKey[];
  batchRows: number;
  verifyChunkRows: number;
  /** Things a reviewer must know (tables without a key, jobs without a declared foreign key). */
  notes: string[];
}

const INTEGER = /^(int2|int4|int8|smallint|integer|int|bigint)$/;

export function checkBatchRows(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_BATCH_ROWS)
    throw new Error(`remap batch size ${n}: must be a whole number from 1 to ${MAX_BATCH_ROWS} (DSQL's row limit per transaction)`);
  return n;
}

/** Tables the migration moves (merged partitions and temporary/foreign tables excluded), in model order. */
export function migratedTables(rw: RewriteResult): TableModel[] {
  return [...rw.analysis.model.tables.values()].filter((t) => !rw.mergedPartitions[key(t)] && t.persistence !== "temporary" && !t.foreign);
}

function column(t: TableModel, name: string): ColumnModel | undefined {
  return t.columns.find((c) => c.name === name);
}

/** What to remap, from the rewrite's key decisions (uuid keys and the columns that follow them). */
export function buildRemapModel(rw: RewriteResult, o: RemapOptions = {}): RemapModel {
  const batchRows = checkBatchRows(o.batchRows ?? DEFAULT_BATCH_ROWS);
  const verifyChunkRows = o.verifyChunkRows ?? DEFAULT_VERIFY_CHUNK_ROWS;
  const model = rw.analysis.model;
  const shapes = new Map<string, TableShape>();
  const tables = migratedTables(rw);
  for (const t of tables)
    shapes.set(key(t), {
      table: t,
      key: key(t),
      renames: new Map(),
      stableKey: [],
      sourceKey: [],
      integerLead: false,
      needsStableIndex: false,
    });
  const jobs: RemapJob[] = [];
  const notes: string[] = [];
  for (const k of rw.keyChanges) {
    if (k.strategy !== "uuid" || !k.legacyColumn) continue;
    const parent = shapes.get(k.table);
    if (!parent) continue;
    parent.uuidKey = { column: k.column, oldColumn: k.legacyColumn };
    parent.renames.set(k.column, k.legacyColumn);
    for (const fk of k.remappedForeignKeys ?? []) {
      const child = shapes.get(fk.table);
      if (!child) continue;
      child.renames.set(fk.column, fk.legacyColumn);
      const declared = foreignKeysOf(rw, child).some((c) => c.columns.includes(fk.column));
      jobs.push({
        child: fk.table,
        column: fk.column,
        oldColumn: fk.legacyColumn,
        parent: k.table,
        parentKey: k.column,
        parentOldKey: k.legacyColumn,
        notNull: !!column(child.table, fk.column)?.notNull || !!primaryKey(child.table)?.columns.includes(fk.column),
        declared,
      });
      if (!declared)
        notes.push(
          `${fk.table}.${fk.column} has no foreign key but is named after ${k.table}.${k.column}: it is remapped like one; check that it is a reference`,
        );
    }
  }
  for (const s of shapes.values()) {
    const pk =
      primaryKey(s.table) ?? s.table.constraints.find((c) => c.kind === "unique" && c.columns.every((n) => column(s.table, n)?.notNull));
    if (!pk) continue;
    s.sourceKey = [...pk.columns];
    s.stableKey = pk.columns.map((c) => s.renames.get(c) ?? c);
    s.integerLead = INTEGER.test(column(s.table, pk.columns[0])?.type.name ?? "");
    // A uuid table's stable key is its old key (indexed by the remap); other renamed keys need their own index.
    s.needsStableIndex = pk.columns.some((c) => s.renames.has(c)) && !(s.uuidKey && pk.columns.length === 1);
  }
  for (const j of jobs) {
    const s = shapes.get(j.child)!;
    if (!s.stableKey.length)
      notes.push(
        `${j.child} has no primary key: its remap batches are cut on ${j.oldColumn} values, so one value repeated more than ${batchRows} times makes a batch larger than that`,
      );
  }
  // Foreign keys on remapped columns cannot exist during the load (the columns hold placeholders until the remap).
  const remapped = new Set(jobs.map((j) => `${j.child}.${j.column}`));
  const foreignKeys: DeferredForeignKey[] = [];
  for (const s of shapes.values()) {
    const seen = new Set<string>();
    for (const c of foreignKeysOf(rw, s)) {
      if (!c.references || !c.columns.some((n) => remapped.has(`${s.key}.${n}`))) continue;
      const parentKey = rw.mergedPartitions[key(c.references.table)] ?? key(c.references.table);
      const sig = `${c.columns.join(",")}|${parentKey}`;
      if (seen.has(sig)) continue;
      seen.add(sig);
      const parent = model.tables.get(parentKey);
      const refColumns = c.references.columns.length ? c.references.columns : parent ? (primaryKey(parent)?.columns ?? []) : [];
      // A partition's foreign key moves to the merged table under the name the rewrite gives it.
      const own = s.table.constraints.includes(c);
      const name = own && c.name ? c.name : `${s.table.name}_${c.columns.join("_")}_fkey`.slice(0, 63);
      foreignKeys.push({ name, child: s.key, columns: c.columns, parent: parentKey, refColumns, constraint: c });
    }
  }
  return { shapes, jobs: orderJobs(jobs), foreignKeys, batchRows, verifyChunkRows, notes };
}

/** Foreign keys of a table, with those declared on its merged partitions (they move to it). */
function foreignKeysOf(rw: RewriteResult, s: TableShape): ConstraintModel[] {
  const parts = Object.entries(rw.mergedPartitions)
    .filter(([, parent]) => parent === s.key)
    .map(([child]) => rw.analysis.model.tables.get(child));
  return [s.table, ...parts].flatMap((t) => t?.constraints.filter((c) => c.kind === "foreign-key") ?? []);
}

/** By child table and column. Every job copies a parent's key, generated at load and never remapped, so any order is correct. */
function orderJobs(jobs: RemapJob[]): RemapJob[] {
  return [...jobs].sort((a, b) => a.child.localeCompare(b.child) || a.column.localeCompare(b.column));
}

/** The DSQL column holding a source column's values (its old-value column when the column switched to uuid). */
export function dsqlColumn(s: TableShape, col: string): string {
  return s.renames.get(col) ?? col;
}
