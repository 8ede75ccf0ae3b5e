/**
 * Whether a column's values grow monotonically as rows are inserted: sequence-backed integers and
 * time columns. DSQL range-partitions by key, so keys led by such a column send new rows to one place.
 */
import type { ColumnModel } from "@/lib/model/schema";

const TIME_TYPES = new Set(["timestamp", "timestamptz", "date"]);

/** Why the column is monotonic (for messages), or undefined. */
export function monotonicReason(col: ColumnModel | undefined): string | undefined {
  if (!col) return undefined;
  if (col.serial) return `${col.type.name} (sequence-backed)`;
  if (col.identity) return "an identity column";
  if (col.defaultKind === "nextval" || col.sequence) return "filled from a sequence";
  if (TIME_TYPES.has(col.type.name) && !col.type.schema && col.type.arrayDims === 0) return `a ${col.type.display} column`;
  return undefined;
}
