/**
 * Parsing SQL files with libpg-query (PostgreSQL 18's own parser) into statements that keep their
 * file, line and column. Inputs are parsed in chunks of whole statements so a very large dump never
 * holds one giant AST; a chunk that fails is re-parsed statement by statement, and each statement that
 * still fails becomes a ParseError instead of stopping the file.
 */
import { loadModule, parseSync } from "libpg-query";
import { databasesIn } from "./databases";
import { foreignSyntax, newerKeyword } from "./foreign-syntax";
import type { MetaCommand, Span, ScriptScan } from "./lex";
import { takeScan } from "./limits";
import type { InputFile } from "./input";
import type { RollbackSection } from "./rollback";
import { splitSchemaElements } from "./schema-elements";
import { SourceText } from "./source-text";

/** A statement's AST: `{ CreateStmt: {...} }` style JSON from libpg-query. */
export type AstNode = Record<string, any>;

export interface ParsedStatement {
  file: string;
  /** 0-based position among the file's statements (parse errors included). */
  index: number;
  /** Char offsets of the statement in the original file text. */
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  /** Original text of the statement (DSQL keywords kept). */
  text: string;
  /** AST node type, e.g. `CreateStmt`. */
  kind: string;
  /** The node under `kind`. */
  node: AstNode;
  /** The statement carried DSQL's ASYNC keyword (blanked before parsing). */
  async: boolean;
  /** Byte offset of the statement inside the text handed to the parser; AST `location`s are relative to it. */
  parserByteStart: number;
  /** The statement is plain ASCII, so byte offsets equal char offsets (the common case, and a fast path). */
  ascii: boolean;
  /** Part of a pg_dump --clean preamble (see ingest/cleanup.ts): neither assessed nor rewritten. */
  cleanup?: boolean;
  /** An element of `CREATE SCHEMA s …` (see ingest/schema-elements.ts): its unqualified names live in s. */
  schemaElementOf?: string;
  /** A CREATE SCHEMA split into head and elements: where the whole original statement ends. */
  fullEnd?: number;
  /**
   * Written for an older PostgreSQL (WITH OIDS, a name that became a keyword): `text` and the AST are the
   * corrected form its parse error gave (same lines), `original` what the file says.
   */
  olderSyntax?: { original: string; hint: string };
  /** `COPY … FROM stdin`: the data lines that follow it (char offsets, the `\.` line excluded) and their count. */
  copyData?: { start: number; end: number; rows: number };
}

export interface ParseError {
  file: string;
  index: number;
  start: number;
  end: number;
  line: number;
  column: number;
  statementLine: number;
  message: string;
  text: string;
  /** A drop inside a pg_dump --clean preamble that did not parse: left out with the preamble. */
  cleanup?: boolean;
  /** What the statement looks like when not PostgreSQL 18 (ingest/foreign-syntax.ts): mysql, sqlserver, old-postgres. */
  dialect?: string;
}

export interface MetaCommandRef extends MetaCommand {
  line: number;
  /** For a terminating command: the line the statement it sent starts on. */
  statementLine?: number;
}

export interface FileStatistics {
  file: string;
  bytes: number;
  encoding: string;
  lines: number;
  statements: number;
  parsed: number;
  parseErrors: number;
  metaCommands: MetaCommandRef[];
  copyDataBlocks: number;
  /** Down sections of goose / dbmate migrations, left out of the analysis (absent when there are none). */
  rollbackSections?: RollbackSectionRef[];
  /** Flyway / Liquibase `${name}` placeholders, each with its first line and use count (absent when there are none). */
  placeholders?: { name: string; line: number; uses: number }[];
  /**
   * psql variables interpolated into the SQL (`:name`, `:'name'`, `:"name"`), each with its first line, use count
   * and the `\set` command in the file that sets it, if one does (absent when there are none).
   */
  psqlVariables?: { name: string; line: number; uses: number; set?: string }[];
  /** Set when the whole file is a rollback migration (e.g. `1_init.down.sql`): the forward migration it undoes. */
  rollbackOf?: string;
  /** A cluster dump (pg_dumpall): the databases it holds, each from its `\connect` (absent for one or none). */
  databases?: Array<{ name: string; line: number }>;
}

export interface RollbackSectionRef {
  line: number;
  endLine: number;
  tool: RollbackSection["tool"];
  marker: string;
}

export type StatementOrError = { ok: true; statement: ParsedStatement } | { ok: false; error: ParseError };

let ready: Promise<void> | undefined;
/** The WASM parser must be loaded once before any parse. */
export function loadParser(): Promise<void> {
  return (ready ??= loadModule());
}

/** Time spent inside libpg-query's parser (ms, cumulative): lets a job report parsing apart from analysis. */
export const parserClock = { ms: 0 };

function timedParse(text: string) {
  const t = performance.now();
  try {
    return parseSync(text);
  } finally {
    parserClock.ms += performance.now() - t;
  }
}

/** Keep each parser call to about this many chars so memory stays bounded on large inputs. */
const CHUNK_CHARS = Number(process.env.DSQL_PREFLIGHT_CHUNK ?? 128_000);

/**
 * Parse one file and hand each statement (or parse error), in file order, to `onStatement`.
 * Streaming lets callers drop each AST once analysed.
 */
export function parseFile(
  file: InputFile,
  onStatement: (s: StatementOrError) => void,
  src: SourceText = new SourceText(file.text),
): FileStatistics {
  const scan = takeScan(file);
  // ASYNC offsets ascend and statements arrive in file order, so one cursor finds each statement's.
  const asyncAt = scan.asyncKeywords;
  let asyncCursor = 0;
  // COPY data blocks ascend too: each belongs to the COPY … FROM stdin statement just before it.
  let copyCursor = 0;
  let index = 0;
  let parsed = 0;
  let errors = 0;

  const emitStatement = (
    start: number,
    end: number,
    kind: string,
    node: AstNode,
    parserByteStart: number,
    ascii: boolean,
    read?: { text: string; olderSyntax: NonNullable<ParsedStatement["olderSyntax"]> },
  ) => {
    const pos = src.position(start);
    while (asyncCursor < asyncAt.length && asyncAt[asyncCursor] < start) asyncCursor++;
    const hasAsync = asyncCursor < asyncAt.length && asyncAt[asyncCursor] < end;
    parsed++;
    const statement: ParsedStatement = {
      file: file.path,
      index: index++,
      start,
      end,
      line: pos.line,
      column: pos.column,
      endLine: src.position(Math.max(start, end - 1)).line,
      text: read ? read.text : file.text.slice(start, end),
      kind,
      node,
      async: hasAsync,
      parserByteStart,
      ascii,
      ...(read ? { olderSyntax: read.olderSyntax } : {}),
    };
    if (kind === "CopyStmt" && node.is_from && !node.filename && !node.is_program) {
      while (copyCursor < scan.copyData.length && scan.copyData[copyCursor].start < end) copyCursor++;
      const block = scan.copyData[copyCursor];
      if (block) statement.copyData = copyBlock(file.text, block);
    }
    if (kind !== "CreateSchemaStmt" || !node.schemaElts?.length) {
      onStatement({ ok: true, statement });
      return;
    }
    const charOf = (location: number) => nodeOffset(statement, location);
    const bytes = (from: number, to: number) => (ascii ? to - from : Buffer.byteLength(file.text.slice(from, to)));
    splitSchemaElements(statement, file.text, charOf, bytes).forEach((s, i) => {
      if (i > 0) {
        const p = src.position(s.start);
        Object.assign(s, { index: index++, line: p.line, column: p.column, endLine: src.position(Math.max(s.start, s.end - 1)).line });
        parsed++;
      } else s.endLine = src.position(Math.max(s.start, s.end - 1)).line;
      onStatement({ ok: true, statement: s });
    });
  };

  const emitError = (span: Span, message: string, cursor: number | undefined) => {
    // Point at the first token, not leading whitespace.
    const at = cursor !== undefined ? Math.min(span.start + cursor, span.end) : span.start;
    const pos = src.position(at);
    const text = file.text.slice(span.start, span.end);
    // The parser names a token; another database's syntax (or an older PostgreSQL's) is said as such.
    const foreign =
      foreignSyntax(text) ??
      (cursor !== undefined ? newerKeyword(scan.parseable.slice(span.start, span.end), text, cursor, timedParse) : undefined);
    // An older PostgreSQL's statement whose corrected form parses is read in that form (rule older-postgres-syntax).
    if (foreign?.dialect === "old-postgres" && foreign.corrected) {
      const corrected = foreign.corrected;
      const stmts = (() => {
        try {
          return timedParse(corrected).stmts ?? [];
        } catch {
          return [];
        }
      })();
      const read = stmts.length === 1 ? unwrap(stmts[0].stmt as AstNode) : undefined;
      // CREATE SCHEMA's elements are split by their offsets in the file, which the corrected text does not keep.
      if (read && read.kind !== "CreateSchemaStmt") {
        const { kind, node } = read;
        const olderSyntax = { original: text, hint: foreign.hint };
        emitStatement(span.start, span.end, kind, node, stmts[0].stmt_location ?? 0, isAscii(corrected), { text: corrected, olderSyntax });
        return;
      }
    }
    errors++;
    onStatement({
      ok: false,
      error: {
        file: file.path,
        index: index++,
        start: span.start,
        end: span.end,
        line: pos.line,
        column: pos.column,
        statementLine: src.position(span.start).line,
        message: foreign ? `${message} — ${foreign.hint}` : message,
        text,
        ...(foreign ? { dialect: foreign.dialect } : {}),
      },
    });
  };

  const parseSpanAlone = (span: Span) => {
    const text = scan.parseable.slice(span.start, span.end);
    try {
      const result = timedParse(text);
      const stmts = result.stmts ?? [];
      for (const raw of stmts) {
        const { kind, node } = unwrap(raw.stmt as AstNode);
        const relByte = raw.stmt_location ?? 0;
        const relChar = byteToCharOffset(text, relByte);
        const lenChars = raw.stmt_len ? byteToCharOffset(text.slice(relChar), raw.stmt_len) : text.length - relChar;
        emitStatement(
          span.start + relChar,
          trimEnd(file.text, span.start + relChar, span.end, lenChars),
          kind,
          node,
          relByte,
          isAscii(text),
        );
      }
    } catch (e) {
      const err = e as { message?: string; sqlDetails?: { cursorPosition?: number } };
      emitError(span, err.message ?? String(e), err.sqlDetails?.cursorPosition);
    }
  };

  // Group statement spans into chunks.
  const spans = scan.statements;
  let i = 0;
  while (i < spans.length) {
    const chunkStart = spans[i].start;
    let j = i;
    while (j + 1 < spans.length && spans[j + 1].end - chunkStart <= CHUNK_CHARS) j++;
    const chunkEnd = spans[j].end;
    const text = scan.parseable.slice(chunkStart, chunkEnd);
    let stmts: any[] | undefined;
    try {
      stmts = timedParse(text).stmts ?? [];
    } catch {
      stmts = undefined;
    }
    if (stmts) {
      const ascii = isAscii(text);
      const toChar = ascii ? (b: number) => b : makeByteToChar(text);
      for (const raw of stmts) {
        const { kind, node } = unwrap(raw.stmt as AstNode);
        const byteStart = raw.stmt_location ?? 0;
        const startChar = toChar(byteStart);
        const endChar = raw.stmt_len ? toChar(byteStart + raw.stmt_len) : text.length;
        // Include the terminating semicolon in the statement text when it follows directly.
        let end = chunkStart + endChar;
        if (file.text.charCodeAt(end) === 59) end++;
        emitStatement(chunkStart + startChar, end, kind, node, byteStart, ascii);
      }
    } else {
      for (let k = i; k <= j; k++) parseSpanAlone(spans[k]);
    }
    i = j + 1;
  }

  const databases = databasesIn(file.text, scan);
  return {
    file: file.path,
    bytes: file.bytes,
    encoding: file.encoding,
    lines: src.lineCount,
    statements: parsed + errors,
    parsed,
    parseErrors: errors,
    metaCommands: scan.metaCommands.map((m) => ({
      ...m,
      line: src.position(m.offset).line,
      ...(m.statementStart !== undefined ? { statementLine: src.position(m.statementStart).line } : {}),
    })),
    copyDataBlocks: scan.copyData.length,
    ...(databases.length > 1 ? { databases } : {}),
    ...(scan.placeholders.length ? { placeholders: placeholderUses(scan.placeholders, src) } : {}),
    ...(scan.psqlVariables.length ? { psqlVariables: psqlVariableUses(scan, src) } : {}),
    ...(scan.rollbackSections.length
      ? {
          rollbackSections: scan.rollbackSections.map((r) => ({
            line: src.position(r.start).line,
            endLine: src.position(Math.max(r.start, r.end - 1)).line,
            tool: r.tool,
            marker: r.marker,
          })),
        }
      : {}),
  };
}

/** Rows a data statement writes: a COPY … FROM stdin's data lines or an INSERT … VALUES's rows; 0 for anything else. */
export function rowsWritten(stmt: ParsedStatement): number {
  if (stmt.copyData) return stmt.copyData.rows;
  return stmt.kind === "InsertStmt" ? (stmt.node.selectStmt?.SelectStmt?.valuesLists?.length ?? 0) : 0;
}

/** A data block's rows: one per line in pg_dump's text format (newlines inside values are written as \n). */
function copyBlock(text: string, block: Span): { start: number; end: number; rows: number } {
  // The block runs to the end of its "\." line, or to the end of the input when that line is missing.
  const last = text.lastIndexOf("\n", block.end - 1) + 1;
  const terminated = last >= block.start && /^\\\.\r?$/.test(text.slice(last, block.end));
  const end = terminated ? last : block.end;
  let rows = 0;
  for (let i = block.start; i < end; i = text.indexOf("\n", i) + 1 || end) rows++;
  return { start: block.start, end, rows };
}

function placeholderUses(
  found: ReadonlyArray<{ offset: number; name: string }>,
  src: SourceText,
): { name: string; line: number; uses: number }[] {
  const byName = new Map<string, { name: string; line: number; uses: number }>();
  for (const p of found) {
    const seen = byName.get(p.name);
    if (seen) seen.uses++;
    else byName.set(p.name, { name: p.name, line: src.position(p.offset).line, uses: 1 });
  }
  return [...byName.values()];
}

/** Each psql variable once, with the first `\set` of it in this file. */
function psqlVariableUses(scan: ScriptScan, src: SourceText): NonNullable<FileStatistics["psqlVariables"]> {
  const sets = new Map<string, string>();
  for (const m of scan.metaCommands) {
    const set = /^\\set\s+([A-Za-z_][A-Za-z0-9_]*)\b/.exec(m.text);
    if (set && !sets.has(set[1])) sets.set(set[1], m.text.trim());
  }
  const out = placeholderUses(scan.psqlVariables, src);
  return out.map((v) => (sets.has(v.name) ? { ...v, set: sets.get(v.name) } : v));
}

function trimEnd(text: string, start: number, spanEnd: number, lenChars: number): number {
  let end = Math.min(start + lenChars, spanEnd);
  if (text.charCodeAt(end) === 59) end++;
  return end;
}

function unwrap(stmt: AstNode): { kind: string; node: AstNode } {
  const kind = Object.keys(stmt)[0];
  return { kind, node: stmt[kind] };
}

function isAscii(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[^\x00-\x7f]/.test(s);
}

/** libpg-query reports UTF-8 byte offsets; JS strings index UTF-16 code units. */
function makeByteToChar(text: string): (byte: number) => number {
  // One walk records (char, byte) checkpoints every 1024 chars; lookups then walk at most 1024 chars.
  const checkpoints: number[] = [0];
  const checkpointBytes: number[] = [0];
  let bytes = 0;
  for (let c = 0; c < text.length; c++) {
    const code = text.charCodeAt(c);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 4 : code >= 0xdc00 && code <= 0xdfff ? 0 : 3;
    if ((c & 1023) === 1023) {
      checkpoints.push(c + 1);
      checkpointBytes.push(bytes);
    }
  }
  return (byte: number) => {
    // Binary search the last checkpoint at or before `byte`, then walk.
    let lo = 0;
    let hi = checkpointBytes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (checkpointBytes[mid] <= byte) lo = mid;
      else hi = mid - 1;
    }
    let c = checkpoints[lo];
    let b = checkpointBytes[lo];
    while (b < byte && c < text.length) {
      const code = text.charCodeAt(c);
      b += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 4 : code >= 0xdc00 && code <= 0xdfff ? 0 : 3;
      c++;
    }
    return c;
  };
}

/** Char offset inside `text` for a UTF-8 byte offset (for short strings such as one statement). */
export function byteToCharOffset(text: string, byte: number): number {
  let b = 0;
  let c = 0;
  while (b < byte && c < text.length) {
    const code = text.charCodeAt(c);
    b += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 4 : code >= 0xdc00 && code <= 0xdfff ? 0 : 3;
    c++;
  }
  return c;
}

/**
 * File char offset of an AST node `location` inside a statement. Locations are byte offsets relative to
 * the text handed to the parser; the statement started at `parserByteStart` there.
 */
export function nodeOffset(stmt: ParsedStatement, location: number | undefined): number {
  if (location === undefined || location < 0) return stmt.start;
  const rel = location - stmt.parserByteStart;
  if (rel <= 0) return stmt.start;
  return stmt.start + (stmt.ascii ? rel : byteToCharOffset(stmt.text, rel));
}
