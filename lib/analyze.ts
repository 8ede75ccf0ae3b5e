/**
 * The analysis pipeline: inputs → parsed statements → schema model → findings.
 * Statements stream through: statement rules run as each one is parsed and its AST is dropped after,
 * so memory follows the model, not the input size. Model rules run once everything is known.
 */
import { indexNodes, type NodeIndex } from "./ingest/ast";
import type { InputFile } from "./ingest/input";
import { CleanupPreamble, type PreambleItem } from "./ingest/cleanup";
import { metaCommandName, placeholderNames, restorePlaceholdersIn } from "./ingest/lex";
import { checkStatementCount, HeapGuard, takeScan } from "./ingest/limits";
import {
  loadParser,
  nodeOffset,
  parseFile,
  rowsWritten,
  type FileStatistics,
  type MetaCommandRef,
  type ParsedStatement,
  type ParseError,
} from "./ingest/parse";
import { SourceText } from "./ingest/source-text";
import { ModelBuilder } from "./model/build";
import { emptyModel, type SchemaModel, type SourceRef } from "./model/schema";
import { ALL_RULES } from "./rules/all";
import { CAPABILITIES, LATEST_CAPABILITY_DATE, isSupported } from "./rules/core/capabilities";
import { assignProblemIds, defaultProblemId } from "./problems";
import { RoutineBodies, type RoutineBodyStats, type RoutineScope } from "./routine-bodies";
import parseErrorRule from "./rules/parse/parse-error";
import {
  isActive,
  type Finding,
  type ObjectRef,
  type Rule,
  type RuleMeta,
  type StatementContext,
  type TransactionState,
} from "./rules/core/rule";
import { KNOWN_COMPATIBLE, statementClass } from "./rules/core/statement-kinds";
import unreviewedRule from "./rules/parse/unreviewed-statement";
import rollbackRule from "./rules/parse/rollback-left-out";
import placeholderRule from "./rules/parse/migration-placeholder";
import { rollbackFiles } from "./ingest/rollback";

export interface AnalyzeOptions {
  /** DSQL capability date to assess against (YYYY-MM-DD); defaults to the newest in the catalog. */
  targetDate?: string;
  /** Rules to run (all by default). */
  rules?: Rule[];
  /** Called after each file with how far the analysis is. */
  onProgress?: (p: { file: string; filesDone: number; filesTotal: number; statements: number }) => void;
  /** Refuse inputs with more statements than this (default: DSQL_PREFLIGHT_MAX_STATEMENTS or 300,000). */
  maxStatements?: number;
  /** Receives each parsed statement after the rules ran (e.g. to keep statements for rewrites). */
  onStatement?: (stmt: ParsedStatement) => void;
  /**
   * Keep the model's names as the parser read them (a migration placeholder's stand-in), so they match
   * the kept statements' ASTs: the rewrite needs that and restores the names itself when done.
   */
  keepParserNames?: boolean;
}

export interface AnalysisResult {
  targetDate: string;
  files: FileStatistics[];
  findings: Finding[];
  model: SchemaModel;
  /** Routines seen and bodies analysed (absent before DSQL ran PL/pgSQL, when bodies are not analysed). */
  routineBodies?: RoutineBodyStats;
  /**
   * Statements that did not parse, with their text: the rewrite lists each as manual work, never drops it
   * (those marked `cleanup` it leaves out with the --clean preamble they belong to).
   */
  unparsed: ParseError[];
}

const SNIPPET_CHARS = 400;
const EMPTY: never[] = [];
/** Node types rules have asked `ctx.nodes` for: a statement's index buckets only those (a handful of the hundreds). */
const indexedTypes = new Set<string>();

export function snippetOf(text: string): string {
  const t = text.trim();
  return t.length > SNIPPET_CHARS ? `${t.slice(0, SNIPPET_CHARS)} …` : t;
}

export function fingerprintOf(ruleId: string, object: ObjectRef, message: string): string {
  return `${ruleId}|${object.kind}|${object.schema ?? ""}|${object.name}|${object.name ? "" : message}`;
}

/** A finding from a rule's metadata and where it was found (also used for workload findings). */
export function makeFinding(
  rule: RuleMeta,
  message: string,
  at: SourceRef,
  object: ObjectRef,
  snippet: string,
  evidence?: Finding["evidence"],
): Finding {
  const f: Finding = {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    category: rule.category,
    message,
    file: at.file,
    line: at.line,
    column: at.column,
    statementLine: at.statementLine,
    statementIndex: at.statementIndex,
    object,
    fix: rule.fixKind,
    effort: rule.effort,
    docsUrl: rule.docsUrl,
    snippet,
    fingerprint: fingerprintOf(rule.id, object, message),
    problemId: defaultProblemId(rule.id, object, at),
  };
  if (evidence) f.evidence = evidence;
  return f;
}

/** The object a statement is about, for findings that do not name one. */
export function statementObject(stmt: ParsedStatement, builder: ModelBuilder): ObjectRef {
  const n = stmt.node;
  const rel = n.relation ?? n.view ?? n.sequence ?? n.into?.rel ?? n.table;
  if (rel?.relname) {
    const q = builder.qualify({ schema: rel.schemaname, name: rel.relname });
    const kind = stmt.kind === "IndexStmt" ? "table" : stmt.kind === "ViewStmt" ? "view" : stmt.kind.includes("Seq") ? "sequence" : "table";
    if (stmt.kind === "IndexStmt" && n.idxname) return { kind: "index", schema: q.schema, name: n.idxname };
    return { kind, ...q };
  }
  if (stmt.kind === "CreateFunctionStmt") {
    const parts = (n.funcname ?? []).map((x: any) => x.String?.sval);
    return {
      kind: n.is_procedure ? "procedure" : "function",
      schema: parts.length > 1 ? parts[0] : undefined,
      name: parts[parts.length - 1],
    };
  }
  if (stmt.kind === "CreateTrigStmt") return { kind: "trigger", name: n.trigname };
  if (stmt.kind === "CreateExtensionStmt") return { kind: "extension", name: n.extname };
  if (stmt.kind === "CreatePolicyStmt") return { kind: "policy", name: n.policy_name };
  return { kind: "statement", name: "" };
}

export async function analyze(inputs: InputFile[], opts: AnalyzeOptions = {}): Promise<AnalysisResult> {
  // Counted from the lexer's split, before any parsing: too many statements is refused up front.
  const heapGuard = new HeapGuard(checkStatementCount(inputs, opts.maxStatements));
  await loadParser();
  const targetDate = opts.targetDate ?? LATEST_CAPABILITY_DATE;
  const rules = (opts.rules ?? ALL_RULES).filter((r) => isActive(r, targetDate));
  const statementRules = rules.filter((r) => r.checkStatement);
  const modelRules = rules.filter((r) => r.checkModel);
  // Kinds reviewed by any rule, whatever the target date: a retired rule still means "we looked".
  const reviewed = new Set<string>(KNOWN_COMPATIBLE);
  for (const r of opts.rules ?? ALL_RULES) for (const k of r.kinds ?? []) reviewed.add(k);
  const rulesByKind = new Map<string, Rule[]>();
  const anyKindRules: Rule[] = [];
  for (const r of statementRules) {
    if (!r.kinds) anyKindRules.push(r);
    else
      for (const k of r.kinds) {
        let list = rulesByKind.get(k);
        if (!list) rulesByKind.set(k, (list = []));
        list.push(r);
      }
  }

  const model = emptyModel();
  const findings: Finding[] = [];
  const unparsed: ParseError[] = [];
  const encodingOf = new Map<string, string>(inputs.map((f) => [f.path, f.encoding]));
  const files: FileStatistics[] = [];
  const sources = new Map<string, SourceText>();
  const locate = (stmt: ParsedStatement, location?: number): SourceRef => {
    const src = sources.get(stmt.file)!;
    const pos = location === undefined ? { line: stmt.line, column: stmt.column } : src.position(nodeOffset(stmt, location));
    return { file: stmt.file, line: pos.line, column: pos.column, statementLine: stmt.line, statementIndex: stmt.index };
  };
  const builder = new ModelBuilder(model, locate);

  /** Run the statement rules on one statement; `within` marks SQL inside a routine body. */
  const runRules = (stmt: ParsedStatement, txn: TransactionState, within?: RoutineScope) => {
    let index: NodeIndex | undefined;
    let current: Rule = unreviewedRule;
    let snippet: string | undefined;
    let object: ObjectRef | undefined;
    const ctx: StatementContext = {
      stmt,
      node: stmt.node,
      nodes: (type: string) => {
        if (!indexedTypes.has(type)) {
          indexedTypes.add(type);
          index = undefined;
        }
        // A BEGIN ATOMIC body is in the AST; once bodies are analysed its statements are checked on their own.
        index ??= indexNodes(bodies && !within && stmt.node.sql_body ? { ...stmt.node, sql_body: undefined } : stmt.node, indexedTypes);
        return index.get(type) ?? EMPTY;
      },
      model,
      builder,
      txn,
      targetDate,
      encoding: encodingOf.get(stmt.file) ?? "utf-8",
      report: (r) => {
        const at = locate(stmt, r.location);
        const f = makeFinding(
          current,
          r.message,
          at,
          r.object ?? (object ??= statementObject(stmt, builder)),
          (snippet ??= snippetOf(stmt.olderSyntax?.original ?? stmt.text)),
          r.evidence,
        );
        // A mechanical fix for one form of a rule's pattern applies to top-level statements, which the rewrite edits.
        if (r.fix && !within) f.fix = r.fix;
        findings.push(within ? within.decorate(f) : f);
      },
    };
    const forKind = rulesByKind.get(stmt.kind);
    if (forKind)
      for (const rule of forKind) {
        current = rule;
        rule.checkStatement!(ctx);
      }
    for (const rule of anyKindRules) {
      current = rule;
      rule.checkStatement!(ctx);
    }
  };
  // The SQL inside routine bodies is assessed from the date DSQL runs PL/pgSQL; earlier targets report
  // the routine itself, as they always did.
  const bodies = isSupported(CAPABILITIES.plpgsql, targetDate) ? new RoutineBodies(builder, runRules, trackTransaction) : undefined;

  let done = 0;
  const preamble = new CleanupPreamble();
  // Down files paired with their up files undo the migration: left out, each with a note saying so.
  const rollbacks = rollbackFiles(inputs);
  for (const file of inputs) {
    const rollback = rollbacks.get(file.path);
    if (rollback !== undefined) {
      takeScan(file); // counted with the rest, never parsed: let its scan go
      files.push(rollbackFileStatistics(file, rollback.of));
      findings.push(
        makeFinding(
          rollbackRule,
          rollback.kind === "down"
            ? `down migration left out: it undoes ${rollback.of}, so it is not part of the schema to move`
            : `verify script left out: it checks ${rollback.of} once deployed, so it is not part of the schema to move`,
          { file: file.path, line: 1, column: 1, statementLine: 1, statementIndex: -1 },
          { kind: "file", name: file.path },
          snippetOf(file.text),
        ),
      );
      done++;
      opts.onProgress?.({ file: file.path, filesDone: done, filesTotal: inputs.length, statements: 0 });
      continue;
    }
    const txn: TransactionState = { open: false, beginLine: 0, ddl: 0, dml: 0, valuesRows: 0 };
    let statements = 0;
    const src = new SourceText(file.text);
    sources.set(file.path, src);
    const assess = (stmt: ParsedStatement) => {
      if (stmt.cleanup) {
        // The target is empty: a --clean preamble removes nothing there (the rewrite reports it once).
        opts.onStatement?.(stmt);
        return;
      }
      runRules(stmt, txn);
      if (!reviewed.has(stmt.kind)) {
        findings.push(
          makeFinding(
            unreviewedRule,
            `${stmt.kind.replace(/Stmt$/, "")} statements are not reviewed for DSQL compatibility`,
            locate(stmt),
            statementObject(stmt, builder),
            snippetOf(stmt.text),
          ),
        );
      }
      trackTransaction(stmt, txn);
      builder.apply(stmt);
      bodies?.analyse(stmt);
      opts.onStatement?.(stmt);
    };
    const take = (items: PreambleItem[]) => {
      for (const { stmt, error } of items) {
        if (stmt) assess(stmt);
        else {
          unparsed.push(error);
          // A drop of a --clean preamble that did not parse goes with the preamble: the target is empty.
          if (!error.cleanup) findings.push(parseErrorFinding(error));
        }
      }
    };
    const stats = parseFile(
      file,
      (item) => {
        statements++;
        heapGuard.tick(file.path);
        take(item.ok ? preamble.offer(item.statement) : preamble.offerError(item.error));
      },
      src,
    );
    take(preamble.flush());
    // parseFile counted every statement that did not parse; the preamble's are no error of the input.
    stats.parseErrors -= unparsed.filter((e) => e.cleanup && e.file === file.path).length;
    files.push(stats);
    findings.push(...metaCommandFindings(file.path, stats.metaCommands));
    if (stats.placeholders) findings.push(placeholderFinding(file.path, stats.placeholders));
    if (stats.psqlVariables) findings.push(psqlVariableFinding(file.path, stats.psqlVariables));
    for (const r of stats.rollbackSections ?? []) {
      const at: SourceRef = { file: file.path, line: r.line, column: 1, statementLine: r.line, statementIndex: -1 };
      findings.push(
        makeFinding(
          rollbackRule,
          `${r.marker} (lines ${r.line}–${r.endLine}) left out: this ${r.tool} down section undoes the migration, so it is not part of the schema to move`,
          at,
          { kind: "file", name: `${file.path}:${r.line}` },
          snippetOf(
            file.text
              .split("\n", r.endLine)
              .slice(r.line - 1)
              .join("\n"),
          ),
        ),
      );
    }
    done++;
    opts.onProgress?.({ file: file.path, filesDone: done, filesTotal: inputs.length, statements });
  }

  for (const rule of modelRules) {
    rule.checkModel!({
      model,
      targetDate,
      report: (r) => findings.push(makeFinding(rule, r.message, r.origin, r.object, "", r.evidence)),
    });
  }

  assignProblemIds(findings, model);
  // Findings name objects as the parser read them: a placeholder's stand-in is shown as the placeholder again.
  const names = placeholderNames(files);
  if (names.size) restorePlaceholdersIn(opts.keepParserNames ? findings : [findings, model], names);
  const fileOrder = new Map(inputs.map((f, i) => [f.path, i]));
  findings.sort(
    (a, b) =>
      (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) ||
      a.line - b.line ||
      a.column - b.column ||
      a.ruleId.localeCompare(b.ruleId),
  );
  return { targetDate, files, findings, model, unparsed, ...(bodies ? { routineBodies: bodies.stats } : {}) };
}

/**
 * psql commands that hide SQL from the assessment: `\i` / `\ir` name a file that is not read here, and
 * `\gexec` runs each value the query returns as a statement, so that SQL only exists at run time.
 */
function metaCommandFindings(file: string, metas: MetaCommandRef[]): Finding[] {
  const out: Finding[] = [];
  for (const m of metas) {
    const name = metaCommandName(m.text);
    const at = (line: number): SourceRef => ({ file, line, column: 1, statementLine: line, statementIndex: -1 });
    if (name === "i" || name === "ir" || name === "include" || name === "include_relative") {
      const target = m.text
        .slice(name.length + 1)
        .trim()
        .replace(/^'(.*)'$/, "$1");
      out.push(
        makeFinding(
          unreviewedRule,
          `${m.text.trim()}: the included file is not followed; add ${target} to the inputs to assess it`,
          at(m.line),
          { kind: "file", name: target },
          m.text,
        ),
      );
    } else if (name === "gexec") {
      const line = m.statementLine ?? m.line;
      out.push(
        makeFinding(
          unreviewedRule,
          "\\gexec runs each value this query returns as a statement: that SQL is generated at run time and cannot be reviewed",
          at(line),
          { kind: "statement", name: "\\gexec" },
          m.text,
        ),
      );
    }
  }
  return out;
}

function placeholderFinding(file: string, used: NonNullable<FileStatistics["placeholders"]>): Finding {
  const list = used.map((p) => `\${${p.name}} (${p.uses === 1 ? "1 use" : `${p.uses} uses`})`).join(", ");
  const first = used[0].line;
  return makeFinding(
    placeholderRule,
    `migration placeholder${used.length === 1 ? "" : "s"} ${list} ${used.length === 1 ? "is" : "are"} set by the migration tool when it runs: assessed as a name standing in for the value`,
    { file, line: first, column: 1, statementLine: first, statementIndex: -1 },
    { kind: "file", name: file },
    list,
  );
}

function psqlVariableFinding(file: string, used: NonNullable<FileStatistics["psqlVariables"]>): Finding {
  const list = used
    .map((v) => `:${v.name} (${v.uses === 1 ? "1 use" : `${v.uses} uses`}${v.set ? `, ${v.set}` : ", not set in this file"})`)
    .join(", ");
  const first = Math.min(...used.map((v) => v.line));
  return makeFinding(
    placeholderRule,
    `psql variable${used.length === 1 ? "" : "s"} ${list} ${used.length === 1 ? "is" : "are"} interpolated by psql when the script runs (\\set, or psql -v name=value): assessed with each name standing in for its value`,
    { file, line: first, column: 1, statementLine: first, statementIndex: -1 },
    { kind: "file", name: `${file}:psql-variables` },
    list,
  );
}

function rollbackFileStatistics(file: InputFile, undoes: string): FileStatistics {
  const src = new SourceText(file.text);
  return {
    file: file.path,
    bytes: file.bytes,
    encoding: file.encoding,
    lines: src.lineCount,
    statements: 0,
    parsed: 0,
    parseErrors: 0,
    metaCommands: [],
    copyDataBlocks: 0,
    rollbackOf: undoes,
  };
}

function parseErrorFinding(e: ParseError): Finding {
  return makeFinding(
    parseErrorRule,
    e.message,
    { file: e.file, line: e.line, column: e.column, statementLine: e.statementLine, statementIndex: e.index },
    { kind: "statement", name: "" },
    snippetOf(e.text),
  );
}

/** Follow BEGIN … COMMIT per file so rules can see what else the transaction holds. */
function trackTransaction(stmt: ParsedStatement, txn: TransactionState) {
  const cls = statementClass(stmt.kind);
  if (cls === "transaction") {
    const kind = stmt.node.kind as string;
    if (kind === "TRANS_STMT_BEGIN" || kind === "TRANS_STMT_START") {
      Object.assign(txn, { open: true, beginLine: stmt.line, ddl: 0, dml: 0, valuesRows: 0 });
    } else if (kind === "TRANS_STMT_COMMIT" || kind === "TRANS_STMT_ROLLBACK" || kind === "TRANS_STMT_PREPARE") {
      Object.assign(txn, { open: false, ddl: 0, dml: 0, valuesRows: 0 });
    }
    return;
  }
  if (!txn.open) return;
  if (cls === "ddl") txn.ddl++;
  else if (cls === "dml") txn.dml++;
  txn.valuesRows += rowsWritten(stmt);
}
