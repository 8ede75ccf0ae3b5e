/**
 * What a rule is and what it produces. Each rule lives in its own file under lib/rules/ with its
 * metadata, documentation and checks together; its tests sit beside it (`<id>.test.ts`).
 */
import type { AstNode, ParsedStatement } from "@/lib/ingest/parse";
import type { ModelBuilder } from "@/lib/model/build";
import type { SchemaModel, SourceRef } from "@/lib/model/schema";
import type { Capability } from "./capabilities";

import type { Severity } from "@/lib/report/vocabulary";

export { SEVERITIES, type Severity } from "@/lib/report/vocabulary";

export const CATEGORIES = [
  "keys-and-identity",
  "constraints",
  "indexes",
  "types",
  "tables",
  "procedural-code",
  "views",
  "extensions",
  "transactions-and-locking",
  "security-and-roles",
  "database-and-storage",
  "limits",
  "parse",
  "workload",
  "cost",
] as const;
export type Category = (typeof CATEGORIES)[number];

export type FixKind = "auto" | "manual";
export type Effort = "simple" | "medium" | "significant";

/** Hours per effort bucket (AWS SCT's buckets: <2 h, 2–6 h, >6 h). */
export const EFFORT_HOURS: Record<Effort, { low: number; high: number }> = {
  simple: { low: 0.5, high: 2 },
  medium: { low: 2, high: 6 },
  significant: { low: 6, high: 16 },
};

export interface ObjectRef {
  kind: string;
  schema?: string;
  name: string;
}

export interface Finding {
  ruleId: string;
  title: string;
  severity: Severity;
  category: Category;
  message: string;
  file: string;
  /** 1-based line and column in the original file (0 for objects read from a live catalog). */
  line: number;
  column: number;
  /** First line of the statement the finding is in. */
  statementLine: number;
  statementIndex: number;
  object: ObjectRef;
  fix: FixKind;
  effort: Effort;
  docsUrl: string;
  /** The offending SQL (the statement, shortened). */
  snippet: string;
  /** Rule + object identity that survives line moves; used to match findings across runs. */
  fingerprint: string;
  /** Root cause: findings one fix resolves share it (lib/problems.ts); a checklist shows one item per problem. */
  problemId: string;
  /** Measured facts behind a workload finding (calls, rates…). */
  evidence?: Record<string, string | number>;
}

export interface RuleMeta {
  id: string;
  title: string;
  severity: Severity;
  category: Category;
  fixKind: FixKind;
  effort: Effort;
  docsUrl: string;
  /** Why it matters on DSQL. */
  why: string;
  /** How to fix it. */
  fix: string;
  /** The rule only applies from this DSQL capability on (e.g. sequence CACHE rules need sequences). */
  appliesFrom?: Capability;
  /** The rule stops applying once DSQL gains this capability (e.g. foreign keys on 2026-08-26). */
  appliesUntil?: Capability;
  /** Rows of ../shared/dsql-compat.md this rule covers (§1 row numbers, or "Q:<limit>" for §3). */
  catalogRows: Array<number | string>;
  /**
   * A short anti-pattern and its fix, for rule docs; test/rule-examples.test.ts checks that `bad` triggers
   * the rule and `good` does not (on `targetDate` when the example is about a date).
   */
  example: { bad: string; good: string; targetDate?: string };
}

export interface Report {
  message: string;
  /** AST location (byte offset as libpg-query reports it) to point at; defaults to the statement start. */
  location?: number;
  object?: ObjectRef;
  evidence?: Record<string, string | number>;
  /** This finding's fix when it differs from the rule's `fixKind` (one form of the pattern the rewrite removes). */
  fix?: FixKind;
}

export interface StatementContext {
  stmt: ParsedStatement;
  node: AstNode;
  /** Typed nodes anywhere in the statement, bucketed by node type (computed once per statement). */
  nodes(type: string): AstNode[];
  model: SchemaModel;
  builder: ModelBuilder;
  txn: TransactionState;
  targetDate: string;
  /** How the statement's file was decoded (`utf-8`, `utf-16le`, `declared LATIN1` for the encoding a dump declares, …). */
  encoding: string;
  report(r: Report): void;
}

export interface ModelReport {
  message: string;
  origin: SourceRef;
  object: ObjectRef;
  evidence?: Record<string, string | number>;
}

export interface ModelContext {
  model: SchemaModel;
  targetDate: string;
  report(r: ModelReport): void;
}

/** Explicit transaction state at a statement, per file. */
export interface TransactionState {
  /** Inside BEGIN … COMMIT. */
  open: boolean;
  beginLine: number;
  /** DDL / DML statements already seen in this transaction (before the current one). */
  ddl: number;
  dml: number;
  /** Rows inserted by INSERT … VALUES or COPY … FROM stdin data so far in this transaction. */
  valuesRows: number;
}

export interface Rule extends RuleMeta {
  /** Statement node types this rule examines (they count as reviewed for the safety net). */
  kinds?: string[];
  checkStatement?(ctx: StatementContext): void;
  checkModel?(ctx: ModelContext): void;
  /** For limit rules whose documented example is abbreviated: the same example at full size, as real SQL. */
  exampleAtScale?(): { bad: string; good: string };
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export function isActive(rule: RuleMeta, targetDate: string): boolean {
  if (rule.appliesFrom && targetDate < rule.appliesFrom.since) return false;
  if (rule.appliesUntil && targetDate >= rule.appliesUntil.since) return false;
  return true;
}
