/**
 * A single pass over a psql script that finds what the PostgreSQL parser cannot take:
 * psql meta-commands (`\connect`), `COPY … FROM stdin` data blocks, DSQL's `ASYNC` keyword, and the
 * down sections of goose / dbmate migrations. Those spans are overwritten with spaces (offsets unchanged)
 * so the whole file parses in one call; migration placeholders (`${schema}`) become names of the same
 * length. A meta-command that sends the query buffer (`\g`, `\gset`, `\gexec`, …) ends the statement like `;`, and
 * psql variables in SQL (`:'name'`, `:"name"`) read as the literal or identifier they stand for.
 * The same pass yields statement boundaries, used to recover statement by statement after a parse error.
 * It understands quotes, dollar quotes, comments and `BEGIN ATOMIC … END` bodies, so `;` inside them
 * never splits a statement.
 */

import { downMarker, upMarkerAfter, type RollbackSection } from "./rollback";

export interface Span {
  start: number;
  end: number;
}

export interface MetaCommand {
  /** Char offset of the backslash. */
  offset: number;
  /** The command text, e.g. `\connect mydb`. */
  text: string;
  /** It sent the statement before it to the server (`\g`, `\gx`, `\gset`, `\gexec`, `\crosstabview`, `\watch`). */
  terminates?: boolean;
  /** For a terminating command: where the statement it sent starts. */
  statementStart?: number;
}

/** Meta-commands that execute the query buffer, i.e. end a statement as `;` does. */
const TERMINATORS = new Set(["g", "gx", "gset", "gexec", "gdesc", "crosstabview", "watch"]);

/** The command name of a meta-command text: `\gset x_` → `gset`. */
export function metaCommandName(text: string): string {
  return /^\\([A-Za-z_]+|[^A-Za-z_\s])/.exec(text)?.[1] ?? "";
}

export interface ScriptScan {
  /** Source text with meta-commands, COPY data and ASYNC blanked to spaces (newlines kept). */
  parseable: string;
  /** Statement spans in char offsets, `end` just past the terminating `;` (or end of input). */
  statements: Span[];
  metaCommands: MetaCommand[];
  /** `COPY … FROM stdin` data blocks (including the `\.` terminator line). */
  copyData: Span[];
  /** Char offsets where a DSQL-only `ASYNC` keyword was removed. */
  asyncKeywords: number[];
  /** Down sections of goose / dbmate migrations (blanked: they undo the migration, see ingest/rollback.ts). */
  rollbackSections: RollbackSection[];
  /** Flyway / Liquibase `${name}` placeholders (outside blanked spans), read by the parser as stand-in names. */
  placeholders: Placeholder[];
  /** psql variables interpolated into SQL (`:name`, `:'name'`, `:"name"`), read as their names. */
  psqlVariables: PsqlVariable[];
}

export interface Placeholder {
  offset: number;
  /** As written between the braces, e.g. `schema` or `flyway:defaultSchema`. */
  name: string;
}

export interface PsqlVariable {
  /** Offset of the colon. */
  offset: number;
  name: string;
}

// Flyway and Liquibase replace `${name}` before running a migration; PostgreSQL has no such syntax.
const PLACEHOLDER = /\$\{([A-Za-z_][\w.:-]*)\}/y;
const PLACEHOLDERS = new RegExp(PLACEHOLDER.source, "g");

/**
 * Text with every placeholder read as its name, quotes or not, as the migration tool substitutes them
 * everywhere: for routine bodies, which are parsed again from the statement's own text.
 */
export function namesForPlaceholders(text: string): string {
  return text.includes("${") ? text.replace(PLACEHOLDERS, (_m, name: string) => placeholderIdentifier(name)) : text;
}

/**
 * What the parser reads in place of a placeholder: an identifier of the same length, `${schema}` →
 * `_$schema$` (`$` may follow the first character of a PostgreSQL name), so every offset and token
 * length holds and the stand-in maps back to the placeholder (placeholdersRestored).
 */
function placeholderIdentifier(name: string): string {
  return `_$${standInName(name)}$`;
}

function standInName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, "_");
}

/** Text with psql variables read as their names (`:schema` → ` schema`), as the parser reads them. */
export function psqlVariablesAsNames(text: string): string {
  if (!text.includes(":")) return text;
  const vars = scanScript(text).psqlVariables;
  let out = "";
  let pos = 0;
  for (const v of vars) {
    out += `${text.slice(pos, v.offset)} `;
    pos = v.offset + 1;
  }
  return vars.length ? out + text.slice(pos) : text;
}

/** The placeholder starting at `at`, if one does: where it ends and the stand-in name the parser reads. */
export function placeholderAt(text: string, at: number): { end: number; standIn: string } | undefined {
  if (text.charCodeAt(at) !== 36 || text.charCodeAt(at + 1) !== 123) return undefined;
  PLACEHOLDER.lastIndex = at;
  const m = PLACEHOLDER.exec(text);
  return m ? { end: at + m[0].length, standIn: placeholderIdentifier(m[1]) } : undefined;
}

/** The whole of `text` is one placeholder (`${schema}`). */
export function isPlaceholder(text: string): boolean {
  return placeholderAt(text, 0)?.end === text.length;
}

// A stand-in the rewrite quoted (`$` made it look unusual) is restored without the quotes.
const STAND_IN = /"_\$([A-Za-z0-9_]+)\$"|_\$([A-Za-z0-9_]+)\$/g;

/** Text with placeholder stand-ins (as the parser returns them, folded to lower case) written as `${name}` again. */
export function placeholdersRestored(text: string, names: ReadonlyMap<string, string>): string {
  return text.includes("_$")
    ? text.replace(STAND_IN, (m, quoted?: string, bare?: string) => names.get((quoted ?? bare ?? "").toLowerCase()) ?? m)
    : text;
}

/**
 * Every string below `value` (objects, arrays, Map keys and values, in place) with placeholder stand-ins
 * restored: for results shown to people once nothing needs to match the parser's names any more.
 */
export function restorePlaceholdersIn(value: unknown, names: ReadonlyMap<string, string>): void {
  if (value instanceof Map) {
    const entries = [...value];
    value.clear();
    for (const [k, v] of entries) {
      restorePlaceholdersIn(v, names);
      value.set(typeof k === "string" ? placeholdersRestored(k, names) : k, typeof v === "string" ? placeholdersRestored(v, names) : v);
    }
  } else if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (typeof v === "string") o[k] = placeholdersRestored(v, names);
      else restorePlaceholdersIn(v, names);
      // Records keyed by name (e.g. merged partitions) are renamed too.
      const renamed = Array.isArray(o) ? k : placeholdersRestored(k, names);
      if (renamed !== k) {
        o[renamed] = o[k];
        delete o[k];
      }
    }
  }
}

/** Stand-in name (lower case) → the placeholder as written, for placeholdersRestored; from the files' placeholders. */
export function placeholderNames(files: ReadonlyArray<{ placeholders?: ReadonlyArray<{ name: string }> }>): Map<string, string> {
  const names = new Map<string, string>();
  for (const f of files) for (const p of f.placeholders ?? []) names.set(standInName(p.name).toLowerCase(), `\${${p.name}}`);
  return names;
}

const enum C {
  NL = 10,
  CR = 13,
  SPACE = 32,
  DQUOTE = 34,
  DOLLAR = 36,
  QUOTE = 39,
  STAR = 42,
  DASH = 45,
  SLASH = 47,
  COLON = 58,
  SEMI = 59,
  LBRACKET = 91,
  BACKSLASH = 92,
  RBRACKET = 93,
}

/*
 * The scan runs once per file, mostly before the JIT has warmed up: runs of characters are skipped with
 * native string search and sticky regular expressions rather than one interpreted loop turn per character.
 */
// The rest of a word: identifier characters (any non-ASCII code unit among them), a `$` unless it opens `${`.
const WORD_REST = /(?:[A-Za-z0-9_\u0080-\uffff]|\$(?!\{))*/y;

/** Past the closing quote of a '…' string or "…" identifier whose body starts at `from` (a doubled quote stays inside). */
function quotedEnd(text: string, from: number, quote: "'" | '"'): number {
  let at = from;
  for (;;) {
    const close = text.indexOf(quote, at);
    if (close < 0) return text.length;
    if (text.charCodeAt(close + 1) !== quote.charCodeAt(0)) return close + 1;
    at = close + 2;
  }
}

/** Past the closing quote of an E'…' string whose body starts at `from` (backslash escapes anything). */
function escapeStringEnd(text: string, from: number): number {
  const n = text.length;
  let i = from;
  while (i < n) {
    const d = text.charCodeAt(i);
    if (d === C.BACKSLASH) {
      i += 2;
      continue;
    }
    if (d === C.QUOTE) {
      if (text.charCodeAt(i + 1) === C.QUOTE) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return i;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
}
function isIdentChar(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57) || c === C.DOLLAR;
}

export function scanScript(text: string): ScriptScan {
  const n = text.length;
  const statements: Span[] = [];
  const metaCommands: MetaCommand[] = [];
  const copyData: Span[] = [];
  const asyncKeywords: number[] = [];
  const rollbackSections: RollbackSection[] = [];
  const blank: Span[] = [];
  // Meta-commands that end a statement: their backslash becomes ";" in the parseable text.
  const semis: number[] = [];

  let stmtStart = -1;
  // The current statement's first three words and the previous word, as keyword codes: enough to
  // recognise the forms we care about without making a string per word.
  let wordCount = 0;
  let w0 = K.OTHER as K;
  let w1 = K.OTHER as K;
  let w2 = K.OTHER as K;
  let prevWord = K.OTHER as K;
  let copyFromStdin = false;
  let atomicDepth = 0;
  // Inside [ … ], `:name` is an array slice's bound, not a psql variable.
  let bracketDepth = 0;
  const psqlVariables: PsqlVariable[] = [];

  // A word of the statement (a placeholder counts as one, never a keyword).
  const addWord = (word: K) => {
    if (wordCount === 0) w0 = word;
    else if (wordCount === 1) w1 = word;
    else if (wordCount === 2) w2 = word;
    wordCount++;
    prevWord = word;
  };

  const endStatement = (end: number) => {
    if (stmtStart >= 0) statements.push({ start: stmtStart, end });
    stmtStart = -1;
    bracketDepth = 0;
    wordCount = 0;
    prevWord = K.OTHER;
  };

  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);

    // Whitespace
    if (c === C.SPACE || c === C.NL || c === C.CR || c === 9 || c === 12) {
      i++;
      continue;
    }
    // -- line comment
    if (c === C.DASH && text.charCodeAt(i + 1) === C.DASH) {
      const nl = text.indexOf("\n", i);
      const lineEnd = nl < 0 ? n : nl;
      const tool = i === 0 || text.charCodeAt(i - 1) === C.NL ? downMarker(text, i, lineEnd) : undefined;
      if (tool) {
        // A statement left without `;` ends where its migration's down section starts.
        if (stmtStart >= 0) endStatement(i);
        const end = upMarkerAfter(text, lineEnd);
        rollbackSections.push({ start: i, end, tool, marker: text.slice(i, lineEnd).trim() });
        blank.push({ start: i, end });
        i = end;
        continue;
      }
      i = lineEnd;
      continue;
    }
    // /* block comment */ (nests in PostgreSQL)
    if (c === C.SLASH && text.charCodeAt(i + 1) === C.STAR) {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        const d = text.charCodeAt(i);
        if (d === C.SLASH && text.charCodeAt(i + 1) === C.STAR) {
          depth++;
          i += 2;
        } else if (d === C.STAR && text.charCodeAt(i + 1) === C.SLASH) {
          depth--;
          i += 2;
        } else i++;
      }
      continue;
    }
    // psql meta-command: backslash outside quotes runs to end of line.
    if (c === C.BACKSLASH) {
      const nl = text.indexOf("\n", i);
      const end = nl < 0 ? n : nl;
      const cmd = text.slice(i, end).replace(/\r$/, "");
      const terminates = TERMINATORS.has(metaCommandName(cmd)) && stmtStart >= 0 && atomicDepth === 0;
      metaCommands.push(terminates ? { offset: i, text: cmd, terminates, statementStart: stmtStart } : { offset: i, text: cmd });
      blank.push({ start: i, end });
      if (terminates) {
        semis.push(i);
        endStatement(i);
      }
      i = end;
      continue;
    }
    // psql variable interpolation :name / :'name' / :"name" (not a :: cast, not an array slice's bound):
    // the colon reads as a space, so the variable's name stands in for its value as a name, literal or identifier.
    if (c === C.COLON && text.charCodeAt(i - 1) !== C.COLON && text.charCodeAt(i + 1) !== C.COLON) {
      const next = text.charCodeAt(i + 1);
      const quoted = next === C.QUOTE || next === C.DQUOTE;
      if (quoted || (isIdentStart(next) && bracketDepth === 0 && !isIdentChar(text.charCodeAt(i - 1)))) {
        let j = i + (quoted ? 2 : 1);
        while (j < n && isIdentChar(text.charCodeAt(j)) && text.charCodeAt(j) !== C.DOLLAR) j++;
        if (!quoted || (text.charCodeAt(j) === next && j > i + 2)) {
          psqlVariables.push({ offset: i, name: text.slice(i + (quoted ? 2 : 1), j) });
          blank.push({ start: i, end: i + 1 });
          if (stmtStart < 0) stmtStart = i;
          i++;
          continue;
        }
      }
    }

    if (stmtStart < 0) stmtStart = i;

    if (c === C.SEMI) {
      if (atomicDepth > 0) {
        i++;
        continue;
      }
      const isCopyStdin = copyFromStdin;
      copyFromStdin = false;
      endStatement(i + 1);
      i++;
      if (isCopyStdin) {
        // Data starts on the next line and runs to a line holding only "\.".
        const nl = text.indexOf("\n", i);
        const dataStart = nl < 0 ? n : nl + 1;
        let j = dataStart;
        let dataEnd = n;
        while (j < n) {
          const lineEnd = text.indexOf("\n", j);
          const le = lineEnd < 0 ? n : lineEnd;
          const line = text.slice(j, le).replace(/\r$/, "");
          if (line === "\\.") {
            dataEnd = le;
            break;
          }
          j = le + 1;
        }
        copyData.push({ start: dataStart, end: dataEnd });
        blank.push({ start: dataStart, end: dataEnd });
        i = dataEnd;
      }
      continue;
    }

    // Quoted strings: '…', E'…' (backslash escapes), U&'…'
    if (c === C.QUOTE) {
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
      const escapes = (prev === 69 || prev === 101) && (i < 2 || !isIdentChar(text.charCodeAt(i - 2)));
      i = escapes ? escapeStringEnd(text, i + 1) : quotedEnd(text, i + 1, "'");
      continue;
    }
    // "quoted identifier"
    if (c === C.DQUOTE) {
      i = quotedEnd(text, i + 1, '"');
      prevWord = K.OTHER;
      continue;
    }
    // ${placeholder}
    const placeholder = c === C.DOLLAR ? placeholderAt(text, i) : undefined;
    if (placeholder) {
      addWord(K.OTHER);
      i = placeholder.end;
      continue;
    }
    // $tag$ … $tag$
    if (c === C.DOLLAR && (i === 0 || !isIdentChar(text.charCodeAt(i - 1)))) {
      let j = i + 1;
      while (j < n && isIdentChar(text.charCodeAt(j)) && text.charCodeAt(j) !== C.DOLLAR) j++;
      if (text.charCodeAt(j) === C.DOLLAR && (j === i + 1 || !isDigit(text.charCodeAt(i + 1)))) {
        const tag = text.slice(i, j + 1);
        const close = text.indexOf(tag, j + 1);
        i = close < 0 ? n : close + tag.length;
        continue;
      }
      i = j;
      continue;
    }
    // Words: keywords and identifiers.
    if (isIdentStart(c)) {
      // `${` ends a word: `log_${env}` is a name followed by a placeholder.
      WORD_REST.lastIndex = i + 1;
      WORD_REST.test(text);
      const j = WORD_REST.lastIndex;
      const word = keywordAt(text, i, j);
      // DSQL's ASYNC sits right after `CREATE [UNIQUE] INDEX` or `ALTER TABLE`.
      const asyncPosition =
        word === K.ASYNC &&
        ((wordCount === 2 && ((w0 === K.CREATE && w1 === K.INDEX) || (w0 === K.ALTER && w1 === K.TABLE))) ||
          (wordCount === 3 && w0 === K.CREATE && w1 === K.UNIQUE && w2 === K.INDEX));
      if (asyncPosition) {
        asyncKeywords.push(i);
        blank.push({ start: i, end: j });
      } else {
        if (w0 === K.COPY && word === K.STDIN && prevWord === K.FROM) copyFromStdin = true;
        if (word === K.ATOMIC && prevWord === K.BEGIN && w0 === K.CREATE) atomicDepth = 1;
        else if (atomicDepth > 0) {
          if (word === K.CASE) atomicDepth++;
          else if (word === K.END) atomicDepth--;
        }
        addWord(word);
      }
      i = j;
      continue;
    }
    if (c === C.LBRACKET) bracketDepth++;
    else if (c === C.RBRACKET && bracketDepth > 0) bracketDepth--;
    prevWord = K.OTHER;
    i++;
  }
  if (stmtStart >= 0) endStatement(n);

  let parseable = blankSpans(text, blank);
  if (semis.length) {
    const parts: string[] = [];
    let pos = 0;
    for (const at of semis) {
      parts.push(parseable.slice(pos, at), ";");
      pos = at + 1;
    }
    parts.push(parseable.slice(pos));
    parseable = parts.join("");
  }
  // Placeholders are replaced wherever they are, in strings and bodies too, as the migration tool does.
  const placeholders: Placeholder[] = [];
  if (parseable.includes("${")) {
    for (const m of parseable.matchAll(PLACEHOLDERS)) placeholders.push({ offset: m.index, name: m[1] });
    parseable = namesForPlaceholders(parseable);
  }
  return { parseable, statements, metaCommands, copyData, asyncKeywords, rollbackSections, placeholders, psqlVariables };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The keywords the scan acts on; any other word is OTHER. */
const enum K {
  OTHER,
  ASYNC,
  ALTER,
  ATOMIC,
  BEGIN,
  CASE,
  COPY,
  CREATE,
  END,
  FROM,
  INDEX,
  STDIN,
  TABLE,
  UNIQUE,
}

/** The keywords by lower-case first letter. */
const KEYWORDS: Record<string, [string, K][]> = {};
for (const [word, k] of [
  ["ASYNC", K.ASYNC],
  ["ALTER", K.ALTER],
  ["ATOMIC", K.ATOMIC],
  ["BEGIN", K.BEGIN],
  ["CASE", K.CASE],
  ["COPY", K.COPY],
  ["CREATE", K.CREATE],
  ["END", K.END],
  ["FROM", K.FROM],
  ["INDEX", K.INDEX],
  ["STDIN", K.STDIN],
  ["TABLE", K.TABLE],
  ["UNIQUE", K.UNIQUE],
] as const)
  (KEYWORDS[word[0].toLowerCase()] ??= []).push([word, k]);
const BY_FIRST: ([string, K][] | undefined)[] = Array.from({ length: 128 }, (_, c) => KEYWORDS[String.fromCharCode(c)]);

/** The keyword `text[i, j)` spells, ignoring ASCII case as PostgreSQL does; compared in place, no string made. */
function keywordAt(text: string, i: number, j: number): K {
  const len = j - i;
  if (len < 3 || len > 6) return K.OTHER;
  const candidates = BY_FIRST[text.charCodeAt(i) | 0x20];
  if (!candidates) return K.OTHER;
  next: for (const [word, k] of candidates) {
    if (word.length !== len) continue;
    for (let x = 1; x < len; x++) {
      const ch = text.charCodeAt(i + x);
      // Upper-case an ASCII letter only: "ı" or "ſ" never spell a keyword for PostgreSQL.
      if ((ch >= 97 && ch <= 122 ? ch - 32 : ch) !== word.charCodeAt(x)) continue next;
    }
    return k;
  }
  return K.OTHER;
}

function blankSpans(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos) continue;
    parts.push(text.slice(pos, s.start));
    parts.push(text.slice(s.start, s.end).replace(/[^\n\r]/g, " "));
    pos = s.end;
  }
  parts.push(text.slice(pos));
  return parts.join("");
}
