/**
 * A small SQL tokenizer for statement text. libpg-query gives start locations only (and none for some
 * nodes, e.g. IndexElem), so the rewriter finds the end of a clause, a type name or a list element by
 * walking tokens. It understands quotes, dollar quotes and comments so nothing inside them is matched.
 */
import { isPlaceholder, placeholderAt } from "@/lib/ingest/lex";

export type TokenKind = "word" | "qident" | "string" | "number" | "op" | "open" | "close" | "comma" | "semi" | "param";

export interface Token {
  kind: TokenKind;
  /** Char offsets in the tokenized text. */
  start: number;
  end: number;
  /** Upper-cased text for words, raw text otherwise. */
  value: string;
  /** Parenthesis depth before this token (an `(` has the outer depth). */
  depth: number;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
}
function isIdentChar(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57) || c === 36;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let i = from;
  const push = (kind: TokenKind, start: number, end: number, value = text.slice(start, end)) =>
    out.push({ kind, start, end, value, depth });
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 12) {
      i++;
      continue;
    }
    if (c === 45 && text.charCodeAt(i + 1) === 45) {
      const nl = text.indexOf("\n", i);
      i = nl < 0 || nl > to ? to : nl;
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      let d = 1;
      i += 2;
      while (i < to && d > 0) {
        if (text.charCodeAt(i) === 47 && text.charCodeAt(i + 1) === 42) {
          d++;
          i += 2;
        } else if (text.charCodeAt(i) === 42 && text.charCodeAt(i + 1) === 47) {
          d--;
          i += 2;
        } else i++;
      }
      continue;
    }
    const start = i;
    if (
      c === 39 ||
      ((c === 69 || c === 101 || c === 66 || c === 98 || c === 88 || c === 120 || c === 78 || c === 110) && text.charCodeAt(i + 1) === 39)
    ) {
      const escapes = c === 69 || c === 101;
      if (c !== 39) i++;
      i++;
      while (i < to) {
        const d = text.charCodeAt(i);
        if (escapes && d === 92) {
          i += 2;
          continue;
        }
        if (d === 39) {
          if (text.charCodeAt(i + 1) === 39) {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      push("string", start, i);
      continue;
    }
    if (c === 34) {
      i++;
      while (i < to) {
        if (text.charCodeAt(i) === 34) {
          if (text.charCodeAt(i + 1) === 34) {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      push("qident", start, i);
      continue;
    }
    // A migration tool's `${name}` placeholder stands where a name does: one word, as the parser read it.
    const placeholder = c === 36 ? placeholderAt(text, i) : undefined;
    if (placeholder && placeholder.end <= to) {
      push("word", i, placeholder.end, placeholder.standIn.toUpperCase());
      i = placeholder.end;
      continue;
    }
    if (c === 36) {
      let j = i + 1;
      while (j < to && isIdentChar(text.charCodeAt(j)) && text.charCodeAt(j) !== 36) j++;
      if (text.charCodeAt(j) === 36 && !isDigit(text.charCodeAt(i + 1))) {
        const tag = text.slice(i, j + 1);
        const close = text.indexOf(tag, j + 1);
        i = close < 0 ? to : close + tag.length;
        push("string", start, i);
        continue;
      }
      while (j < to && isDigit(text.charCodeAt(j))) j++;
      i = Math.max(j, i + 1);
      push("param", start, i);
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < to && isIdentChar(text.charCodeAt(j)) && !(text.charCodeAt(j) === 36 && text.charCodeAt(j + 1) === 123)) j++;
      push("word", i, j, text.slice(i, j).toUpperCase());
      i = j;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      let j = i + 1;
      while (
        j < to &&
        (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 46 || text.charCodeAt(j) === 101 || text.charCodeAt(j) === 69)
      )
        j++;
      push("number", i, j);
      i = j;
      continue;
    }
    if (c === 40 || c === 91) {
      push("open", i, i + 1);
      depth++;
      i++;
      continue;
    }
    if (c === 41 || c === 93) {
      depth--;
      push("close", i, i + 1);
      i++;
      continue;
    }
    if (c === 44) {
      push("comma", i, i + 1);
      i++;
      continue;
    }
    if (c === 59) {
      push("semi", i, i + 1);
      i++;
      continue;
    }
    // Operators: a run of operator characters (`::`, `->>`, `=`…); `.` alone.
    let j = i + 1;
    if (c !== 46) while (j < to && "+-*/<>=~!@#%^&|`?:".includes(text[j])) j++;
    push("op", i, j);
    i = j;
  }
  return out;
}

/** Index of the token starting at (or first after) a char offset. */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the `)` matching the `(` at `open`. */
export function matchingClose(tokens: Token[], open: number): number {
  const d = tokens[open].depth;
  for (let k = open + 1; k < tokens.length; k++) if (tokens[k].kind === "close" && tokens[k].depth === d) return k;
  return tokens.length - 1;
}

/** Elements of a parenthesised, comma-separated list: token index ranges [first, last]. */
export function listElements(tokens: Token[], open: number): Array<[number, number]> {
  const close = matchingClose(tokens, open);
  const d = tokens[open].depth + 1;
  const out: Array<[number, number]> = [];
  let first = open + 1;
  for (let k = open + 1; k <= close; k++) {
    if (k === close || (tokens[k].kind === "comma" && tokens[k].depth === d)) {
      if (k > first) out.push([first, k - 1]);
      first = k + 1;
    }
  }
  return out;
}

const MULTIWORD_TYPES: Record<string, string[][]> = {
  DOUBLE: [["PRECISION"]],
  CHARACTER: [["VARYING"]],
  NATIONAL: [["CHARACTER", "VARYING"], ["CHARACTER"], ["CHAR", "VARYING"], ["CHAR"]],
  CHAR: [["VARYING"]],
  BIT: [["VARYING"]],
};

/**
 * Token range of a type name starting at token `k`: qualified names, multi-word built-ins
 * (`double precision`, `timestamp(3) with time zone`), modifiers, `[]` bounds and `ARRAY[n]`.
 */
export function typeNameEnd(tokens: Token[], k: number): number {
  let i = k;
  const t0 = tokens[i];
  if (!t0) return k;
  // Qualified names: a.b.c
  while (tokens[i + 1]?.value === "." && (tokens[i + 2]?.kind === "word" || tokens[i + 2]?.kind === "qident")) i += 2;
  if (t0.kind === "word" && i === k) {
    for (const seq of MULTIWORD_TYPES[t0.value] ?? []) {
      if (seq.every((w, n) => tokens[i + 1 + n]?.value === w)) {
        i += seq.length;
        break;
      }
    }
  }
  const isTimeType = t0.kind === "word" && (t0.value === "TIMESTAMP" || t0.value === "TIME");
  if (t0.kind === "word" && t0.value === "INTERVAL") {
    // interval fields: YEAR TO MONTH etc.
    const fields = new Set(["YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "TO"]);
    while (tokens[i + 1]?.kind === "word" && fields.has(tokens[i + 1].value)) i++;
  }
  if (tokens[i + 1]?.kind === "open" && tokens[i + 1].value === "(") i = matchingClose(tokens, i + 1);
  if (
    isTimeType &&
    (tokens[i + 1]?.value === "WITH" || tokens[i + 1]?.value === "WITHOUT") &&
    tokens[i + 2]?.value === "TIME" &&
    tokens[i + 3]?.value === "ZONE"
  )
    i += 3;
  if (tokens[i + 1]?.value === "%" && tokens[i + 2]?.value === "TYPE") i += 2;
  for (;;) {
    if (tokens[i + 1]?.value === "[") i = matchingClose(tokens, i + 1);
    else if (tokens[i + 1]?.value === "ARRAY") {
      i++;
      if (tokens[i + 1]?.value === "[") i = matchingClose(tokens, i + 1);
    } else break;
  }
  return i;
}

/** Quote an identifier only when PostgreSQL needs it. */
export function quoteIdent(name: string): string {
  // A migration tool's placeholder (`${schema}`) is written as it came: the tool puts the name there.
  if (/^[a-z_][a-z0-9_$]*$/.test(name) ? !RESERVED.has(name) : isPlaceholder(name)) return name;
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualifiedIdent(schema: string | undefined, name: string): string {
  return schema ? `${quoteIdent(schema)}.${quoteIdent(name)}` : quoteIdent(name);
}

export function quoteLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

const RESERVED = new Set(
  "all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral leading limit localtime localtimestamp not null offset on only or order placing primary references returning select session_user some symmetric system_user table then to trailing true union unique user using variadic when where window with authorization binary collation concurrently cross current_schema freeze full ilike inner is isnull join left like natural notnull outer overlaps right similar tablesample verbose".split(
    " ",
  ),
);
