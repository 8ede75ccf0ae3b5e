/**
 * The state one rewrite shares across its fix families: the schema model, the object-level decisions
 * (keys, merged partitions, folds, removed objects) and the pieces being built, one per input statement.
 * The families in lib/rewrite/fixes/ read and extend it; lib/rewrite/engine.ts runs them in order.
 */
import { constValue, funcName, rangeVar } from "../ingest/ast";
import type { InputFile } from "../ingest/input";
import type { AstNode, ParsedStatement } from "../ingest/parse";
import { key, type SchemaModel } from "../model/schema";
import type { RuleId } from "../rules/ids";
import type { ObjectRef } from "../rules/core/rule";
import { Splicer } from "./splice";
import type {
  DataStatement,
  DroppedStatement,
  KeyChange,
  KeyStrategy,
  ManualItem,
  OutStatement,
  Phase,
  RewriteOptions,
  RewriteResult,
  TypeChange,
} from "./types";

/** A rule id, or "dependency" for an object that follows another out of the DDL. */
export type RewriteRuleId = RuleId | "dependency";

/** A statement built from scratch (validation step, moved foreign key, …), emitted with its piece's order. */
export interface ExtraStatement {
  phase: Phase;
  object: ObjectRef;
  sql: string;
  rules: RuleId[];
  notes: string[];
  asyncJob?: OutStatement["asyncJob"];
}

export interface Piece {
  stmt: ParsedStatement;
  fileIndex: number;
  sp: Splicer;
  phase: Phase;
  object: ObjectRef;
  searchPath: string;
  notes: string[];
  asyncJob?: OutStatement["asyncJob"];
  /** Emitted nowhere (reason recorded). */
  dropped?: { reason: string; rules: RewriteRuleId[] };
  manual?: { rules: RewriteRuleId[]; reason: string; suggestion?: string };
  data?: { table?: string; rows: number; note?: string; copyData?: string; position?: boolean };
  /** Statements built from scratch, emitted with this piece's order. */
  extra: ExtraStatement[];
}

export interface KeyDecision {
  strategy: KeyStrategy;
  /** Replacement for the column's type (and identity clause). */
  type: string;
  dropDefault: boolean;
  addDefault?: string;
  legacyColumn?: string;
  /** A column that follows a uuid key (`schema.table.column` of the key); it is filled by the remap. */
  follows?: string;
  rules: RuleId[];
  note: string;
  sequence?: string;
  /** The sequence disappears (identity / uuid). */
  dropSequence: boolean;
}

export class Rewriter {
  readonly model: SchemaModel;
  readonly pieces: Piece[] = [];
  readonly manual: ManualItem[] = [];
  readonly dropped: DroppedStatement[] = [];
  readonly data: DataStatement[] = [];
  readonly typeChanges: TypeChange[] = [];
  readonly keyChanges: KeyChange[] = [];
  readonly keyDecisions = new Map<string, KeyDecision>();
  readonly merged = new Map<string, string>();
  readonly inherits = new Map<string, string[]>();
  /** Objects kept out of the DDL: `kind:schema.name` and bare `kind:name` for unqualified lookups. */
  readonly removed = new Set<string>();
  readonly removedNames = new Map<string, string>();
  /** Columns whose type changed: `schema.table.column` → new type. */
  readonly changedColumns = new Map<string, string>();
  readonly createdTables = new Map<string, ParsedStatement>();
  /** ALTER TABLE sub-commands folded into CREATE TABLE: table key → texts to add as elements. */
  readonly folds = new Map<string, Array<{ text: string; rule: RuleId; reason: string }>>();
  readonly foldedCmds = new Set<string>();
  readonly transferredFks = new Set<string>();
  readonly fileIndex = new Map<string, number>();
  readonly searchPaths = new Map<ParsedStatement, string>();
  readonly roles = new Set<string>();
  readonly droppedIndexes = new Set<string>();
  readonly sequenceUsers = new Map<string, string[]>();
  readonly sequenceMentions = new Set<string>();
  readonly uuidTables = new Map<string, string>();
  readonly definedFunctions = new Set<string>();
  /** `table.column` keys that become identity columns by a later ALTER … ADD GENERATED AS IDENTITY (pg_dump's form). */
  readonly identityAddedLater = new Set<string>();
  readonly foldExtras = new Map<ParsedStatement, ExtraStatement[]>();
  readonly createdRelations = new Set<string>();
  /** Session settings the source relied on, replayed before the script (e.g. check_function_bodies). */
  readonly session: string[] = [];

  constructor(
    readonly inputs: InputFile[],
    readonly statements: ParsedStatement[],
    readonly analysis: RewriteResult["analysis"],
    readonly options: RewriteOptions,
  ) {
    this.model = analysis.model;
    inputs.forEach((f, i) => this.fileIndex.set(f.path, i));
  }

  /** The whole text of the input a statement comes from. */
  fileText(stmt: ParsedStatement): string {
    return this.inputs[this.fileIndex.get(stmt.file) ?? 0]?.text ?? "";
  }

  trackSearchPaths() {
    let sp = "public";
    let file = "";
    for (const s of this.statements) {
      if (s.file !== file) {
        file = s.file;
        sp = "public";
      }
      if (s.kind === "VariableSetStmt" && String(s.node.name).toLowerCase() === "search_path") {
        const first = (s.node.args ?? [])
          .map((a: AstNode) => constValue(a))
          .find((v: unknown) => typeof v === "string" && v !== "" && v !== "$user");
        if (typeof first === "string") sp = first;
      } else if (s.kind === "SelectStmt") {
        const fc = s.node.targetList?.[0]?.ResTarget?.val?.FuncCall;
        if (fc && funcName(fc) === "set_config") {
          const [name, value] = (fc.args ?? []).map((a: AstNode) => constValue(a));
          if (name === "search_path" && typeof value === "string") {
            sp =
              value
                .split(",")
                .map((x) => x.trim().replace(/^"|"$/g, ""))
                .find((x) => x && x !== "$user") ?? "public";
          }
        }
      }
      this.searchPaths.set(s, s.schemaElementOf ?? sp);
    }
  }

  sp(stmt: ParsedStatement): string {
    return this.searchPaths.get(stmt) ?? "public";
  }

  qualify(stmt: ParsedStatement, rv: AstNode | undefined): { schema: string; name: string } {
    const r = rangeVar(rv);
    return { schema: r.schema ?? this.sp(stmt), name: r.name };
  }

  tableKey(stmt: ParsedStatement, rv: AstNode | undefined): string {
    return key(this.qualify(stmt, rv));
  }

  markRemoved(kind: string, schema: string | undefined, name: string, why: string) {
    this.removed.add(`${kind}:${schema ?? ""}.${name}`);
    this.removedNames.set(`${kind}:${name}`, why);
  }

  isRemoved(kind: string, schema: string | undefined, name: string): string | undefined {
    if (schema) return this.removed.has(`${kind}:${schema}.${name}`) ? (this.removedNames.get(`${kind}:${name}`) ?? "removed") : undefined;
    return this.removedNames.get(`${kind}:${name}`);
  }

  piece(stmt: ParsedStatement, phase: Phase, object: ObjectRef): Piece {
    return {
      stmt,
      fileIndex: this.fileIndex.get(stmt.file) ?? 0,
      sp: new Splicer(stmt.text),
      phase,
      object,
      searchPath: this.sp(stmt),
      notes: [],
      extra: [],
    };
  }

  drop(p: Piece, reason: string, rules: RewriteRuleId[] = []): Piece {
    p.dropped = { reason, rules };
    return p;
  }

  toManual(p: Piece, rules: RewriteRuleId[], reason: string, suggestion?: string): Piece {
    p.manual = { rules, reason, suggestion };
    return p;
  }

  tableKeyOfRangeVar(stmt: ParsedStatement, rv: AstNode | undefined) {
    return this.qualify(stmt, rv);
  }

  outsideInputs(p: Piece): boolean {
    const rel =
      p.stmt.kind === "IndexStmt" || p.stmt.kind === "AlterTableStmt" || p.stmt.kind === "RenameStmt" ? p.stmt.node.relation : undefined;
    if (!rel?.relname) return false;
    const q = this.qualify(p.stmt, rel);
    return !this.knownRelation(q.schema, q.name);
  }

  knownRelation(schema: string | undefined, name: string): boolean {
    const k = `${schema ?? "public"}.${name}`;
    return (
      this.model.tables.has(k) ||
      this.model.views.has(k) ||
      this.model.sequences.has(k) ||
      this.model.types.has(k) ||
      this.model.domains.has(k) ||
      this.createdRelations.has(k)
    );
  }
}
