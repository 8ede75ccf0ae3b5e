/**
 * The rewrite: analysed PostgreSQL DDL → DSQL-ready DDL. Object-level decisions (which key strategy a
 * table gets, which ALTERs fold into CREATE TABLE, which partitions merge) come from the complete schema
 * model; each output statement is the original statement text with edits spliced in at node offsets, so
 * comments and formatting survive. What cannot be rewritten mechanically leaves the DDL and becomes a
 * manual work item; statements that depend on it follow it out.
 */
import { analyze, type AnalysisResult } from "../analyze";
import { strings } from "../ingest/ast";
import { databasesIn, SeveralDatabasesError } from "../ingest/databases";
import type { InputFile } from "../ingest/input";
import { loadParser, type ParseError, type ParsedStatement } from "../ingest/parse";
import { key } from "../model/schema";
import { Rewriter } from "./context";
import { buildObjectRewrites } from "./diff";
import { process } from "./dispatch";
import { emit, guardReparse } from "./emit";
import { findFolds } from "./fixes/constraints";
import { cascadeDependencies } from "./fixes/dependencies";
import { decideKeys, followTableRenames, followUndeclaredUuidRefs } from "./fixes/keys";
import { findMergedTables } from "./fixes/tables";
import type { ManualItem, RewriteOptions, RewriteResult } from "./types";
import { placeholderNames, restorePlaceholdersIn } from "../ingest/lex";

export { IDENTITY_CLAUSE, DSQL_CACHE } from "./fixes/keys";
export { columnClauses, pgArrayToJson } from "./fixes/columns";
export { typeNameNodes } from "./fixes/dependencies";
export { guardReparse, postgresForm, reparseError } from "./emit";

/** Rewrites the inputs; given their analysis (lib/pipeline does), it works on that instead of analysing again. */
export async function rewrite(inputs: InputFile[], options: RewriteOptions = {}): Promise<RewriteResult> {
  // One script for several databases would merge their objects into DSQL's single database.
  for (const f of inputs) {
    const dbs = databasesIn(f.text);
    if (dbs.length > 1) throw new SeveralDatabasesError(f.path, dbs);
  }
  await loadParser();
  const { analyzed, ...rest } = options;
  const { analysis, statements } = analyzed ?? (await analyzeKeepingStatements(inputs, options.targetDate));
  const result = run(new Rewriter(inputs, statements, analysis, rest));
  // Names the rewrite wrote itself carry a placeholder's stand-in: show the placeholder as written again.
  const names = placeholderNames(analysis.files);
  if (names.size) restorePlaceholdersIn(result, names);
  return result;
}

/**
 * A statement that did not parse is not in the script, so it is manual work, said at its place: the
 * person corrects it (the parser's message, with what it looks like) and adds it to the script by hand.
 */
function unparsedItem(e: ParseError): ManualItem {
  return {
    object: { kind: "statement", name: `${e.file}:${e.statementLine}` },
    ruleIds: ["parse-error"],
    // The parser's message (with what the statement looks like); manual work is kept out of the script anyway.
    reason: e.message,
    suggestion:
      "Correct the statement (check it with Edit and check on the Rewrites page, or re-run the assessment), then add its DSQL form to the script",
    original: e.text,
    file: e.file,
    line: e.statementLine,
  };
}

async function analyzeKeepingStatements(inputs: InputFile[], targetDate: string | undefined) {
  const statements: ParsedStatement[] = [];
  const analysis = await analyze(inputs, { targetDate, keepParserNames: true, onStatement: (s) => statements.push(s) });
  return { analysis, statements };
}

/** Object-level decisions first (they need the whole model), then one piece per statement, then output. */
function run(rw: Rewriter): RewriteResult {
  rw.trackSearchPaths();
  for (const st of rw.statements) {
    if (st.kind === "CreateFunctionStmt") rw.definedFunctions.add((strings(st.node.funcname).pop() ?? "").toLowerCase());
    if (st.kind === "DefineStmt" && st.node.kind === "OBJECT_AGGREGATE")
      rw.definedFunctions.add((strings(st.node.defnames).pop() ?? "").toLowerCase());
    if (st.kind === "CreateTableAsStmt") rw.createdRelations.add(key(rw.qualify(st, st.node.into?.rel)));
    // Tables and views renamed or dropped later are gone from the final model but exist in between.
    if (st.kind === "CreateStmt") rw.createdRelations.add(key(rw.qualify(st, st.node.relation)));
    if (st.kind === "ViewStmt") rw.createdRelations.add(key(rw.qualify(st, st.node.view)));
    if (st.kind === "CreateForeignTableStmt") rw.createdRelations.add(key(rw.qualify(st, st.node.base?.relation)));
    if (st.kind === "AlterTableStmt")
      for (const item of st.node.cmds ?? [])
        if (item.AlterTableCmd?.subtype === "AT_AddIdentity")
          rw.identityAddedLater.add(`${key(rw.qualify(st, st.node.relation))}.${item.AlterTableCmd.name}`);
  }
  findMergedTables(rw);
  decideKeys(rw);
  followUndeclaredUuidRefs(rw);
  followTableRenames(rw);
  findFolds(rw);
  let cleanup = 0;
  for (const stmt of rw.statements) {
    if (stmt.cleanup) cleanup++;
    else rw.pieces.push(process(rw, stmt));
  }
  cascadeDependencies(rw);
  for (const e of rw.analysis.unparsed) {
    if (e.cleanup) cleanup++;
    else rw.manual.push(unparsedItem(e));
  }
  const out = emit(rw);
  guardReparse(out);
  const objects = buildObjectRewrites(rw.pieces, out);
  const changed = rw.pieces.filter((p) => !p.dropped && !p.manual && !p.data && p.sp.changed).length;
  const kept = rw.pieces.filter((p) => !p.dropped && !p.manual && !p.data).length;
  return {
    analysis: rw.analysis,
    options: { keyStrategy: rw.options.keyStrategy ?? "identity", tableStrategies: rw.options.tableStrategies },
    statements: out,
    objects,
    manual: rw.manual,
    dropped: rw.dropped,
    data: rw.data,
    typeChanges: rw.typeChanges,
    keyChanges: rw.keyChanges,
    mergedPartitions: Object.fromEntries(rw.merged),
    roles: [...rw.roles].sort(),
    session: rw.session,
    ...psqlVariableLines(rw.analysis.files),
    ...(cleanup
      ? {
          cleanup: {
            statements: cleanup,
            message: `${cleanup} cleanup statement${cleanup === 1 ? "" : "s"} (pg_dump --clean) left out: the target is empty`,
          },
        }
      : {}),
    stats: {
      sourceStatements: rw.statements.length,
      emitted: out.length,
      changed,
      unchanged: kept - changed,
      removed: rw.pieces.filter((p) => p.dropped).length,
      manual: rw.pieces.filter((p) => p.manual).length,
      dataStatements: rw.data.length,
    },
  };
}

/** Each psql variable the inputs use, once: their own `\set` for it, or what to pass with psql -v. */
function psqlVariableLines(files: AnalysisResult["files"]): { psqlVariables?: string[] } {
  const lines = new Map<string, string>();
  for (const f of files)
    for (const v of f.psqlVariables ?? [])
      if (!lines.has(v.name) || v.set)
        lines.set(v.name, v.set ?? `-- psql variable :${v.name} is not set in the inputs: run psql with -v ${v.name}=…`);
  return lines.size ? { psqlVariables: [...lines.values()] } : {};
}
