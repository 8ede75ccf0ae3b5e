/**
 * Key shapes that concentrate writes, read from the schema model alone. Dependency-free so schema
 * rules (counter-style-table) and the workload hotspot analysis share it without import cycles.
 */
import { primaryKey, type ColumnModel, type TableModel } from "../model/schema";

export type KeyKind = "identity" | "sequence" | "serial" | "timestamp" | "time-ordered-uuid";

const TIME_TYPES = new Set(["timestamp", "timestamptz", "date", "time", "timetz"]);
const ORDERED_UUID = new Set(["uuidv7", "uuid_generate_v1", "uuid_generate_v1mc", "gen_ulid", "ulid", "uuid_generate_v7"]);
// Names of values kept up to date in place. Amount, quantity, value and total are left out: on line-item
// and order rows they are written once at insert, not incremented.
const COUNTER_NAME =
  /^(count|counter|counts|running_total|hits|visits|views|balance|stock|stock_level|on_hand|inventory|seq|sequence|next_?id|last_?value|score|likes)$/i;

/** How a column's values grow, if monotonically. */
export function monotonicKind(c: ColumnModel | undefined): KeyKind | undefined {
  if (!c) return undefined;
  if (c.identity) return "identity";
  if (c.serial) return "serial";
  if (c.sequence || c.defaultKind === "nextval") return "sequence";
  if (c.defaultFunctions.some((f) => ORDERED_UUID.has(f))) return "time-ordered-uuid";
  if (TIME_TYPES.has(c.type.name) && c.type.arrayDims === 0) return "timestamp";
  return undefined;
}

/** Counter-style: a narrow table whose non-key numeric column is named like a running total. */
export function counterColumns(t: TableModel): string[] {
  const pk = new Set(primaryKey(t)?.columns ?? []);
  if (t.columns.length > 6) return [];
  return t.columns
    .filter((c) => !pk.has(c.name) && /^(int|numeric|float|decimal|money|bigint|smallint)/.test(c.type.name) && COUNTER_NAME.test(c.name))
    .map((c) => c.name);
}
