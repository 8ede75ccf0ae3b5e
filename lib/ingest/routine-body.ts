/**
 * The SQL inside routine bodies. PL/pgSQL validates only syntax when a function is created; the SQL it
 * runs meets DSQL when the routine is called. This module parses a CREATE FUNCTION / CREATE PROCEDURE /
 * DO statement's body (PL/pgSQL with libpg-query's PL/pgSQL parser, SQL bodies with the SQL parser) and
 * returns each embedded SQL statement as a ParsedStatement positioned in the original file, so the
 * statement rules can run on it unchanged. It also reports what the rules on the body's shape need:
 * EXCEPTION blocks, write statements inside loops, COMMIT/ROLLBACK, and dynamic SQL it cannot resolve.
 */
import { parsePlPgSQLSync, parseSync } from "libpg-query";
import { namesForPlaceholders } from "./lex";
import { constValue, defElems } from "./ast";
import type { AstNode, ParsedStatement } from "./parse";
import { resolveDynamicSql } from "./dynamic-sql";

export interface EmbeddedStatement {
  stmt: ParsedStatement;
  /** File char offset the statement is reported at (its first keyword). */
  at: number;
  /** Inside a FOR / WHILE / LOOP body. */
  inLoop: boolean;
  /** Came from EXECUTE of a constant or a format() with a static shape. */
  dynamic: boolean;
  /** A PL/pgSQL expression (condition, assignment, RAISE argument) run as a SELECT. */
  expression?: boolean;
  /** Transactions the body ended before this statement (a procedure's COMMIT / ROLLBACK). */
  transaction: number;
  /**
   * The IF / CASE arms the statement sits in, outermost first, as `if:arm` joined by "/" ("" outside any):
   * statements in different arms of one IF never run in the same call.
   */
  branch: string;
}

export interface BodyPosition {
  /** File char offset. */
  offset: number;
  line: number;
}

export interface RoutineBody {
  language: string;
  /** The body was parsed (false: `error` says why). */
  parsed: boolean;
  error?: string;
  statements: EmbeddedStatement[];
  exceptionBlocks: BodyPosition[];
  /** EXECUTE expressions whose SQL text cannot be known before run time, and statements that do not parse. */
  unresolved: Array<BodyPosition & { expression: string; reason: "dynamic" | "unparsed" }>;
}

interface Located {
  /** File char offset where the body's text starts. */
  start: number;
  /** The body as it appears in the file (quotes still doubled for single-quoted bodies). */
  raw: string;
  /** The body as PostgreSQL sees it. */
  value: string;
}

/** The routine's language and body text, or undefined for statements that are not routines with a body. */
export function routineSource(
  stmt: ParsedStatement,
): { language: string; body?: Located; atomic?: AstNode[]; empty?: boolean } | undefined {
  const n = stmt.node;
  if (stmt.kind === "DoStmt") {
    const args = defElems(n.args);
    const language = String(constValue(args.get("language")?.arg) ?? "plpgsql").toLowerCase();
    const value = String(constValue(args.get("as")?.arg) ?? "");
    return { language, body: locateBody(stmt, value), empty: value.trim() === "" };
  }
  if (stmt.kind !== "CreateFunctionStmt") return undefined;
  const opts = defElems(n.options);
  const language = String(constValue(opts.get("language")?.arg) ?? "sql").toLowerCase();
  if (n.sql_body) return { language: "sql", atomic: atomicStatements(n.sql_body) };
  const as = opts.get("as")?.arg;
  const items = as?.List?.items ?? (as ? [as] : []);
  const value = items.length === 1 ? items[0]?.String?.sval : undefined; // two items: C function (obj file, symbol)
  return {
    language,
    body: typeof value === "string" ? locateBody(stmt, value) : undefined,
    empty: typeof value === "string" && value.trim() === "",
  };
}

function atomicStatements(sqlBody: AstNode): AstNode[] {
  const lists = sqlBody.List?.items ?? [];
  return lists.flatMap((l: AstNode) => l.List?.items ?? (l && !l.List ? [l] : []));
}

function locateBody(stmt: ParsedStatement, value: string): Located | undefined {
  if (!value) return undefined;
  let at = stmt.text.indexOf(value);
  let raw = value;
  if (at < 0) {
    raw = value.replace(/'/g, "''");
    at = stmt.text.indexOf(raw);
  }
  if (at < 0) return undefined;
  return { start: stmt.start + at, raw, value };
}

const LOOPS = new Set([
  "PLpgSQL_stmt_loop",
  "PLpgSQL_stmt_while",
  "PLpgSQL_stmt_fori",
  "PLpgSQL_stmt_fors",
  "PLpgSQL_stmt_forc",
  "PLpgSQL_stmt_foreach_a",
  "PLpgSQL_stmt_dynfors",
]);
/** Keys of PL/pgSQL nodes that hold a whole SQL statement (parseMode 0). */
const QUERY_KEYS = new Set(["sqlstmt", "query", "expr"]);

const cache = new WeakMap<ParsedStatement, RoutineBody | null>();

/** The routine body of a CREATE FUNCTION / PROCEDURE / DO statement, read once per statement. */
export function routineBodyOf(stmt: ParsedStatement): RoutineBody | undefined {
  let body = cache.get(stmt);
  if (body === undefined) cache.set(stmt, (body = readRoutineBody(stmt) ?? null));
  return body ?? undefined;
}

export function readRoutineBody(stmt: ParsedStatement): RoutineBody | undefined {
  const src = routineSource(stmt);
  if (!src) return undefined;
  const out: RoutineBody = { language: src.language, parsed: false, statements: [], exceptionBlocks: [], unresolved: [] };
  if (src.atomic) {
    for (const node of src.atomic) {
      const kind = Object.keys(node)[0];
      const location = minLocation(node[kind]);
      const offset = location === undefined ? stmt.start : stmtOffset(stmt, location);
      // Locations stay relative to the CREATE FUNCTION statement: only the reported start moves.
      const { line, column } = positionIn(stmt, offset);
      out.statements.push({
        stmt: { ...stmt, kind, node: node[kind], line, column, endLine: line },
        at: offset,
        inLoop: false,
        dynamic: false,
        transaction: 0,
        branch: "",
      });
    }
    out.parsed = true;
    return out;
  }
  const body = src.body;
  if (src.empty) {
    out.parsed = true; // `AS ''`: nothing runs
    return out;
  }
  if (!body) {
    out.error = "the body text could not be found in the statement";
    return out;
  }
  if (src.language === "sql") {
    out.parsed = addSqlText(out, stmt, body.value, body.start, { inLoop: false, dynamic: false, transaction: 0, branch: "" });
    if (!out.parsed) out.error = "the SQL body does not parse";
    return out;
  }
  if (src.language !== "plpgsql") return out;
  let tree: AstNode;
  try {
    // The PL/pgSQL parser wants the whole CREATE FUNCTION / DO statement, placeholders read as the main parse read them.
    tree = parsePlPgSQLSync(namesForPlaceholders(stmt.text));
  } catch (e) {
    out.error = (e as Error).message;
    return out;
  }
  out.parsed = true;
  const lines = lineStarts(body.raw);
  const state = { transaction: 0, branch: "", ifs: 0 };
  const exceptionClauses = [...body.raw.matchAll(/\bEXCEPTION\s+WHEN\b/gi)].map((m) => m.index);
  const walk = (node: unknown, inLoop: boolean, nodeLine: number) => {
    if (Array.isArray(node)) {
      for (const x of node) walk(x, inLoop, nodeLine);
      return;
    }
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node as AstNode)) {
      if (key === "PLpgSQL_stmt_commit" || key === "PLpgSQL_stmt_rollback") state.transaction++;
      if (key === "PLpgSQL_exception_block") {
        // Blocks are met in the order their EXCEPTION clauses appear in the text (inner before outer).
        const at = exceptionClauses[out.exceptionBlocks.length];
        const offset = body.start + (at ?? lines[Math.max(0, Math.min(nodeLine, lines.length) - 1)]);
        out.exceptionBlocks.push({ offset, line: lineOf(stmt, offset) });
      }
      if (key === "PLpgSQL_expr") {
        const expr = value as AstNode;
        // Expressions (IF conditions, assignments, RAISE arguments) run as SELECTs: only calls and subqueries matter.
        if ((expr.parseMode ?? 0) >= 2 && typeof expr.query === "string" && expr.query.includes("("))
          addExpression(out, stmt, body, lines, nodeLine, expr.query, { inLoop, transaction: state.transaction, branch: state.branch });
        continue;
      }
      if ((key === "PLpgSQL_stmt_if" || key === "PLpgSQL_stmt_case") && value && typeof value === "object") {
        // The condition runs on every call; then exactly one arm (or none) does.
        const v = value as AstNode;
        const line = v.lineno ?? nodeLine;
        walk(key === "PLpgSQL_stmt_if" ? v.cond : v.t_expr, inLoop, line);
        const arms: Array<[unknown, unknown]> =
          key === "PLpgSQL_stmt_if"
            ? [
                [undefined, v.then_body],
                ...(v.elsif_list ?? []).map((e: AstNode) => [e.PLpgSQL_if_elsif?.cond, e.PLpgSQL_if_elsif?.stmts] as [unknown, unknown]),
                [undefined, v.else_body],
              ]
            : [
                ...(v.case_when_list ?? []).map(
                  (w: AstNode) => [w.PLpgSQL_case_when?.expr, w.PLpgSQL_case_when?.stmts] as [unknown, unknown],
                ),
                [undefined, v.else_stmts],
              ];
        const outer = state.branch;
        const id = state.ifs++;
        arms.forEach(([cond, stmts], arm) => {
          state.branch = `${outer}/${id}:${arm}`;
          walk(cond, inLoop, line);
          walk(stmts, inLoop, line);
        });
        state.branch = outer;
        continue;
      }
      if (key.startsWith("PLpgSQL_stmt_") && value && typeof value === "object") {
        const line = (value as AstNode).lineno ?? nodeLine;
        const loop = inLoop || LOOPS.has(key);
        const dynamicQuery = key === "PLpgSQL_stmt_dynexecute" || key === "PLpgSQL_stmt_dynfors";
        for (const [k, v] of Object.entries(value as AstNode)) {
          const expr = (v as AstNode)?.PLpgSQL_expr;
          if (expr && (k === "dynquery" || (dynamicQuery && k === "query")))
            addDynamic(out, stmt, body, lines, line, expr.query, { inLoop: loop, transaction: state.transaction, branch: state.branch });
          else if (expr && QUERY_KEYS.has(k) && (expr.parseMode ?? 0) === 0)
            addEmbedded(out, stmt, body, lines, line, expr.query, {
              inLoop: key !== "PLpgSQL_stmt_fors" && loop,
              transaction: state.transaction,
              branch: state.branch,
            });
          else walk(v, loop, line);
        }
        continue;
      }
      walk(value, inLoop, nodeLine);
    }
  };
  walk(tree, false, 1);
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** Line and column of a file offset inside a statement, counted from the statement's own position. */
export function positionIn(stmt: ParsedStatement, offset: number): { line: number; column: number } {
  const rel = Math.max(0, Math.min(offset - stmt.start, stmt.text.length));
  let line = stmt.line;
  let lastNewline = -1;
  for (let i = stmt.text.indexOf("\n"); i >= 0 && i < rel; i = stmt.text.indexOf("\n", i + 1)) {
    line++;
    lastNewline = i;
  }
  return { line, column: lastNewline < 0 ? stmt.column + rel : rel - lastNewline };
}

function lineOf(stmt: ParsedStatement, offset: number): number {
  return positionIn(stmt, offset).line;
}

/**
 * Where a PL/pgSQL statement's query starts in the file. The query text keeps the body's characters one
 * for one (PERFORM reads as "SELECT ", an INTO clause as blanks), so once its start is known every AST
 * location inside it maps straight back to the file.
 */
function queryStart(body: Located, lines: number[], line: number, query: string): number {
  const from = lines[Math.min(Math.max(line, 1), lines.length) - 1];
  const exact = body.raw.indexOf(query, from);
  if (exact >= 0 && exact - from < 4096) return body.start + exact;
  const first = /^\s*(\S+)/.exec(query)?.[1] ?? "";
  const token = /^select$/i.test(first) ? "(?:PERFORM|SELECT)" : first.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`\\b${token}`, "i").exec(body.raw.slice(from));
  return body.start + from + (m?.index ?? 0);
}

type Flags = { inLoop: boolean; transaction: number; branch: string };

function addEmbedded(out: RoutineBody, stmt: ParsedStatement, body: Located, lines: number[], line: number, query: string, flags: Flags) {
  const at = queryStart(body, lines, line, query);
  // PERFORM x reads as "SELECT x": one character shorter, so the query text starts one character later.
  const perform = /^perform\b/i.test(body.raw.slice(at - body.start, at - body.start + 8)) && /^SELECT\b/.test(query);
  const before = out.statements.length;
  if (!addSqlText(out, stmt, query, perform ? at + 1 : at, { ...flags, dynamic: false })) {
    out.unresolved.push({ offset: at, line: lineOf(stmt, at), expression: query.trim(), reason: "unparsed" });
    return;
  }
  if (perform) {
    const { line: l, column } = positionIn(stmt, at);
    for (const e of out.statements.slice(before)) {
      Object.assign(e.stmt, { line: l, column, endLine: l });
      e.at = at;
    }
  }
}

const SELECT = "SELECT ";

/** A PL/pgSQL expression as the statement PL/pgSQL runs for it (`SELECT expr`), placed at the expression. */
function addExpression(out: RoutineBody, stmt: ParsedStatement, body: Located, lines: number[], line: number, query: string, flags: Flags) {
  // Assignments read "target := expr" (or "target = expr"): only the expression is SQL.
  const assign = /^[^:=()']*?(:=|=)/.exec(query);
  const expr = assign ? query.slice(assign[0].length) : query;
  const at = queryStart(body, lines, line, query) + (assign ? assign[0].length : 0);
  const before = out.statements.length;
  if (!addSqlText(out, stmt, SELECT + expr, at - SELECT.length, { ...flags, dynamic: false, expression: true })) return;
  // Report the statement at the expression itself, not at the SELECT that was put in front of it.
  const { line: l, column } = positionIn(stmt, at + (expr.length - expr.trimStart().length));
  for (const e of out.statements.slice(before)) {
    Object.assign(e.stmt, { line: l, column, endLine: l });
    e.at = at;
  }
}

function addDynamic(
  out: RoutineBody,
  stmt: ParsedStatement,
  body: Located,
  lines: number[],
  line: number,
  expression: string,
  flags: Flags,
) {
  const at = queryStart(body, lines, line, expression);
  const resolved = resolveDynamicSql(expression);
  if (resolved === undefined || !addSqlText(out, stmt, resolved.sql, at + resolved.offset, { ...flags, dynamic: true })) {
    out.unresolved.push({ offset: at, line: lineOf(stmt, at), expression: expression.trim(), reason: "dynamic" });
  }
}

/** Parse SQL text found at file offset `start` and add its statements; false when it does not parse. */
function addSqlText(
  out: RoutineBody,
  outer: ParsedStatement,
  sql: string,
  start: number,
  flags: Flags & { dynamic: boolean; expression?: boolean },
): boolean {
  let stmts: AstNode[];
  let async = false;
  try {
    stmts = parseSync(sql).stmts ?? [];
  } catch {
    // DSQL's CREATE INDEX ASYNC: blank the keyword (same length) as the file lexer does.
    const blanked = sql.replace(/\bASYNC\b/gi, "     ");
    if (blanked === sql) return false;
    try {
      stmts = parseSync(blanked).stmts ?? [];
      async = true;
    } catch {
      return false;
    }
  }
  const ascii = !/[^\x00-\x7f]/.test(sql);
  for (const raw of stmts) {
    const kind = Object.keys(raw.stmt)[0];
    const byteStart = raw.stmt_location ?? 0;
    const rel = ascii ? byteStart : charOffset(sql, byteStart);
    const end = raw.stmt_len ? (ascii ? byteStart + raw.stmt_len : charOffset(sql, byteStart + raw.stmt_len)) : sql.length;
    const text = sql.slice(rel, end);
    const offset = start + rel + (text.length - text.trimStart().length);
    const { line, column } = positionIn(outer, offset);
    out.statements.push({
      stmt: {
        file: outer.file,
        index: outer.index,
        start: start + rel,
        end: start + end,
        line,
        column,
        endLine: line,
        text: text.trim(),
        kind,
        node: raw.stmt[kind],
        async,
        parserByteStart: byteStart,
        ascii,
      },
      at: offset,
      ...flags,
    });
  }
  return true;
}

function charOffset(text: string, byte: number): number {
  let b = 0;
  let c = 0;
  while (b < byte && c < text.length) {
    const code = text.charCodeAt(c);
    b += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 4 : code >= 0xdc00 && code <= 0xdfff ? 0 : 3;
    c++;
  }
  return c;
}

/** Smallest AST `location` under a node (the start of a BEGIN ATOMIC statement, as the parser saw it). */
function minLocation(node: unknown): number | undefined {
  let min: number | undefined;
  const visit = (x: unknown) => {
    if (Array.isArray(x)) return x.forEach(visit);
    if (!x || typeof x !== "object") return;
    for (const [k, v] of Object.entries(x)) {
      if (k === "location" && typeof v === "number" && v >= 0) min = min === undefined ? v : Math.min(min, v);
      else visit(v);
    }
  };
  visit(node);
  return min;
}

function stmtOffset(stmt: ParsedStatement, location: number): number {
  const rel = location - stmt.parserByteStart;
  return stmt.start + (stmt.ascii ? rel : charOffset(stmt.text, rel));
}

/** AST-style location (parser byte offset) of a file char offset inside a statement, for rule reports. */
export function astLocation(stmt: ParsedStatement, offset: number): number {
  const rel = Math.max(0, offset - stmt.start);
  return stmt.parserByteStart + (stmt.ascii ? rel : Buffer.byteLength(stmt.text.slice(0, rel)));
}
