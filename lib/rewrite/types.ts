/**
 * Shapes of a rewrite: DSQL-ready statements in script order, per-object diffs, manual work items and
 * what the data-load phase must know. Engine code only (no UI imports); the report and the plan read these.
 */
import type { AnalysisResult } from "../analyze";
import type { ParsedStatement } from "../ingest/parse";
import type { RuleId } from "../rules/ids";
import type { ObjectRef } from "../rules/core/rule";

import type { KeyStrategy } from "../report/vocabulary";

export { KEY_STRATEGIES, type KeyStrategy } from "../report/vocabulary";

export interface RewriteOptions {
  /** Default key strategy for serial/sequence-backed columns. */
  keyStrategy?: KeyStrategy;
  /** Per-table overrides, keyed `schema.table` (or `table` for the search_path default). */
  tableStrategies?: Record<string, KeyStrategy>;
  /** DSQL capability date (passed to the analysis). */
  targetDate?: string;
  /** The inputs' analysis and parsed statements, when the caller has them: the rewrite then does not analyse again. */
  analyzed?: { analysis: AnalysisResult; statements: ParsedStatement[] };
}

/**
 * Script phases in execution order. `data` is not part of the schema script: it marks where the data
 * load happens (the plan describes it); DML found in the inputs is collected for it.
 */
export const PHASES = [
  "roles",
  "schemas",
  "domains",
  "sequences",
  "tables",
  "constraints",
  "views",
  "comments",
  "data",
  "indexes",
  "validation",
  "grants",
] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_TITLES: Record<Phase, string> = {
  roles: "Roles",
  schemas: "Schemas",
  domains: "Domains",
  sequences: "Sequences",
  tables: "Tables",
  constraints: "Changes after creation: constraints (NOT VALID), added columns, sequence ownership",
  views: "Views and SQL functions",
  comments: "Comments",
  data: "Data load",
  indexes: "Asynchronous indexes",
  validation: "Constraint validation",
  grants: "Grants",
};

export interface SourceLocation {
  file: string;
  line: number;
  statementIndex: number;
}

/** One DSQL statement of the output, in script order. */
export interface OutStatement {
  /** 1-based position in the schema script. */
  seq: number;
  phase: Phase;
  object: ObjectRef;
  /** Statement text with its terminating `;`. */
  sql: string;
  /** Source statement it was spliced from (absent for statements built from scratch). */
  source?: SourceLocation;
  /** Rule ids whose fixes changed or produced this statement. */
  rules: string[];
  /** Warnings and behaviour changes worth a reviewer's eye. */
  notes: string[];
  /** DSQL runs it as an asynchronous job: the script waits for it. */
  asyncJob?: "index" | "validate";
  /** search_path the statement was written under (unqualified names resolve against it). */
  searchPath: string;
  /** It targets a table the inputs do not create (a migration fragment on an existing schema). */
  outsideInputs?: boolean;
  /** Result of running it on real PostgreSQL (filled by the validator). */
  validation?: StatementValidation;
}

export interface StatementValidation {
  ok: boolean;
  /** e.g. "PostgreSQL 18" */
  server: string;
  error?: string;
  /** Not run: it targets a table outside the inputs. */
  skipped?: boolean;
  /** The statement ran with DSQL-only keywords blanked / the wait skipped. */
  adapted?: boolean;
}

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: string[];
  /** Rule ids whose edits fall inside the hunk. */
  rules: string[];
  reasons: string[];
}

export type ObjectStatus = "rewritten" | "unchanged" | "removed" | "manual" | "added";

export interface ObjectRewrite {
  object: ObjectRef;
  status: ObjectStatus;
  original: string;
  rewritten: string;
  hunks: Hunk[];
  rules: string[];
  notes: string[];
  /** Per-statement validation on PostgreSQL, when run. */
  validation?: { ok: boolean; server: string; statements: number; errors: string[] };
}

export interface ManualItem {
  object: ObjectRef;
  ruleIds: string[];
  reason: string;
  /** A concrete way forward (application hook, SQL function, view, CDC stream…). */
  suggestion: string;
  /** The original code, kept out of the DSQL script. */
  original: string;
  file: string;
  line: number;
}

export interface DroppedStatement {
  object: ObjectRef;
  reason: string;
  rules: string[];
  file: string;
  line: number;
  text: string;
}

export interface TypeChange {
  table: string;
  column: string;
  from: string;
  to: string;
  rule: RuleId;
  behaviour: string;
}

export interface KeyChange {
  table: string;
  column: string;
  strategy: KeyStrategy;
  from: string;
  to: string;
  /** Sequence the column used, when there was one. */
  sequence?: string;
  /** Foreign-key columns that follow a UUID key: `schema.table.column`. */
  remappedForeignKeys?: Array<{ table: string; column: string; legacyColumn: string }>;
  legacyColumn?: string;
}

/** DML found in the inputs: moved out of the schema script into the data-load phase. */
export interface DataStatement {
  sql: string;
  table?: string;
  rows: number;
  source: SourceLocation;
  note?: string;
  /** `COPY … FROM stdin`: its data lines (one row each, the `\.` terminator not included). */
  copyData?: string;
  /** A sequence or identity position (pg_dump's setval after the rows): runs after every load. */
  position?: boolean;
}

export interface RewriteResult {
  analysis: AnalysisResult;
  options: Required<Pick<RewriteOptions, "keyStrategy">> & Pick<RewriteOptions, "tableStrategies">;
  statements: OutStatement[];
  objects: ObjectRewrite[];
  manual: ManualItem[];
  dropped: DroppedStatement[];
  data: DataStatement[];
  typeChanges: TypeChange[];
  keyChanges: KeyChange[];
  /** Tables merged into their partitioned parent: child → parent. */
  mergedPartitions: Record<string, string>;
  /** Roles the script and grants refer to (must exist on the cluster first). */
  roles: string[];
  /** Session settings replayed at the top of the script and of each step file (mirrors the source). */
  session: string[];
  /**
   * psql variables the statements use (`:schema`), kept as written: the inputs' `\set` for each, or a note
   * that it must be given with `psql -v`. Written after ON_ERROR_STOP in the script and in each step file.
   */
  psqlVariables?: string[];
  /** A pg_dump --clean preamble left out as one unit (the target cluster is empty). */
  cleanup?: { statements: number; message: string };
  /** Statements whose output failed to re-parse (must stay empty; the guard throws otherwise). */
  stats: {
    sourceStatements: number;
    emitted: number;
    changed: number;
    unchanged: number;
    removed: number;
    manual: number;
    dataStatements: number;
  };
}
