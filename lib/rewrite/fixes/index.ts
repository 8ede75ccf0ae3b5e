/**
 * Where each auto-fixable rule's fix lives: one lookup from a rule id to the module that applies it.
 * The map is typed by the generated AutoFixRuleId union, so a rule marked `fixKind: "auto"` without an
 * entry here does not compile.
 */
import type { AutoFixRuleId } from "../../rules/ids";

export const FIX_FAMILIES = {
  keys: { title: "keys and sequences", module: "lib/rewrite/fixes/keys.ts" },
  tables: { title: "tables and partitions", module: "lib/rewrite/fixes/tables.ts" },
  columns: { title: "columns and type mappings", module: "lib/rewrite/fixes/columns.ts" },
  types: { title: "type mappings used by columns", module: "lib/rewrite/types-map.ts" },
  constraints: { title: "constraints and ALTER TABLE", module: "lib/rewrite/fixes/constraints.ts" },
  indexes: { title: "indexes", module: "lib/rewrite/fixes/indexes.ts" },
  routines: { title: "routines, types and domains", module: "lib/rewrite/fixes/routines.ts" },
  grants: { title: "roles, grants and comments", module: "lib/rewrite/fixes/grants.ts" },
  cleanup: { title: "drops and cleanup", module: "lib/rewrite/fixes/cleanup.ts" },
  statements: { title: "session, transaction and maintenance statements", module: "lib/rewrite/dispatch.ts" },
  data: { title: "data statements and script layout", module: "lib/rewrite/data.ts" },
} as const;

export type FixFamily = keyof typeof FIX_FAMILIES;

export const FIX_FAMILY_OF: { readonly [R in AutoFixRuleId]: FixFamily } = {
  "array-column": "types",
  "char-length-limit": "types",
  "check-added-later": "constraints",
  "column-compression": "columns",
  "composite-type": "types",
  "ddl-mixed-with-dml": "data",
  "enum-type": "columns",
  "extension-function": "columns",
  "foreign-key-added-later": "constraints",
  "function-attributes": "routines",
  "identity-column": "keys",
  "index-collation": "indexes",
  "index-concurrently": "indexes",
  "index-not-async": "indexes",
  "index-opclass": "indexes",
  "index-options": "indexes",
  "index-sort-order": "indexes",
  "index-using-clause": "indexes",
  "json-column": "types",
  "jsonb-column": "types",
  "maintenance-command": "statements",
  "multiple-ddl-in-transaction": "statements",
  "newer-postgres-feature": "constraints",
  "non-c-collation": "columns",
  "older-postgres-syntax": "statements",
  "partitioned-table": "tables",
  "primary-key-added-later": "constraints",
  "sequence-cache": "keys",
  "sequence-type": "keys",
  "serial-type": "keys",
  "server-side-copy": "data",
  "set-statistics": "constraints",
  "statistics-before-support": "routines",
  "storage-parameters": "tables",
  "table-inheritance": "tables",
  tablespace: "tables",
  "temporary-view": "statements",
  "transaction-row-limit": "data",
  truncate: "cleanup",
  "unique-added-later": "constraints",
  "unlogged-table": "tables",
  "unsupported-column-type": "types",
  "unsupported-session-setting": "statements",
  "virtual-generated-column": "columns",
};

/**
 * Rules in the map whose fix tags no edit with the rule id: the script layout resolves them (data
 * statements split into batches, one DDL per transaction), a sub-command is removed with a note, or —
 * for the type limits and date-gated capabilities — the rewrite does not change the statement yet and
 * the finding stays for the reviewer.
 */
export const UNTAGGED_FIXES: ReadonlySet<AutoFixRuleId> = new Set<AutoFixRuleId>([
  "char-length-limit",
  "ddl-mixed-with-dml",
  "json-column",
  "jsonb-column",
  // The statement is read in its corrected form (ingest/parse.ts): the diff marks it, no edit does.
  "older-postgres-syntax",
  "server-side-copy",
  "set-statistics",
  "statistics-before-support",
  "transaction-row-limit",
]);

/** The module that applies a rule's fix, or undefined for rules the rewrite leaves to manual work. */
export function fixModuleOf(ruleId: string): string | undefined {
  const family = (FIX_FAMILY_OF as Record<string, FixFamily>)[ruleId];
  return family ? FIX_FAMILIES[family].module : undefined;
}
