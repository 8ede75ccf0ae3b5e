/**
 * Turning raw bytes into SQL text. Every way an input can be unusable (binary, empty, wrong encoding,
 * too large) becomes an InputError that names the file, so callers can report it instead of crashing.
 */

/** How the bytes were decoded; a legacy encoding is the one the file declares (`SET client_encoding`). */
export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | `declared ${string}`;

/** One SQL source as the engine sees it: a name for reports and its decoded text. */
export interface InputFile {
  /** Path or display name used in findings (`file` field). */
  path: string;
  text: string;
  bytes: number;
  encoding: Encoding;
}

export type InputErrorCode =
  | "empty"
  | "binary"
  | "encoding"
  | "too-large"
  | "not-found"
  | "unreadable"
  | "zip"
  | "too-many-statements"
  | "no-statements"
  | "no-sql-files"
  | "no-such-database"
  | "other-database";

export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = "InputError";
  }
}

export const DEFAULT_MAX_INPUT_BYTES = 50 * 1024 * 1024;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decode one file's bytes, rejecting what is not SQL text. */
export function decodeSql(path: string, data: Uint8Array, maxBytes = DEFAULT_MAX_INPUT_BYTES): InputFile {
  if (data.length > maxBytes) {
    throw new InputError(
      "too-large",
      path,
      `input is ${formatBytes(data.length)}, over the ${formatBytes(maxBytes)} limit (raise it with --max-bytes)`,
    );
  }
  if (data.length === 0) throw new InputError("empty", path, "file is empty");

  let encoding: Encoding = "utf-8";
  let text: string;
  if (data[0] === 0xff && data[1] === 0xfe) {
    encoding = "utf-16le";
    text = decodeOrThrow(path, "utf-16le", data.subarray(2));
  } else if (data[0] === 0xfe && data[1] === 0xff) {
    encoding = "utf-16be";
    text = decodeOrThrow(path, "utf-16be", data.subarray(2));
  } else {
    let body = data;
    if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
      encoding = "utf-8-bom";
      body = data.subarray(3);
    }
    const utf16 = utf16WithoutBom(body);
    if (utf16) {
      throw new InputError(
        "encoding",
        path,
        `looks like ${utf16.toUpperCase()} text without a byte-order mark; convert it to UTF-8 (e.g. \`iconv -f ${utf16.toUpperCase()} -t UTF-8 in.sql > out.sql\`) or save it as UTF-16 with a byte-order mark`,
      );
    }
    const archive = pgDumpArchive(body);
    if (archive) {
      throw new InputError(
        "binary",
        path,
        `a pg_dump ${archive} archive, not SQL text: write it out as SQL with \`pg_restore --schema-only -f schema.sql ${path}\` (without --schema-only to keep the data) and assess that file`,
      );
    }
    if (looksBinary(body)) {
      throw new InputError("binary", path, "file looks binary (contains NUL or control bytes), not SQL text");
    }
    try {
      text = utf8.decode(body);
    } catch {
      const at = firstInvalidUtf8(body);
      // pg_dump writes the database's encoding and says so at the top (`SET client_encoding = 'LATIN1';`).
      const declared = declaredEncoding(body);
      if (declared?.label) {
        try {
          text = new TextDecoder(declared.label, { fatal: true }).decode(body);
          encoding = `declared ${declared.name}`;
        } catch {
          throw new InputError(
            "encoding",
            path,
            `declares client_encoding ${declared.name} but is not valid ${declared.name} either (first byte that is not UTF-8 at offset ${at}, line ${lineAt(body, at)})`,
          );
        }
      } else
        throw new InputError(
          "encoding",
          path,
          `not valid UTF-8 (first bad byte at offset ${at}, line ${lineAt(body, at)})${declared ? `, and its declared client_encoding ${declared.name} cannot be decoded here` : ""}; convert it to UTF-8, or save it as UTF-16 with a byte-order mark`,
        );
    }
  }
  if (text.trim().length === 0) throw new InputError("empty", path, "file contains only whitespace");
  if (/\u0000/.test(text)) throw new InputError("binary", path, "file contains NUL characters, not SQL text");
  const other = otherDatabaseDump(text);
  if (other)
    throw new InputError(
      "other-database",
      path,
      `${other}, not PostgreSQL: this tool assesses PostgreSQL schemas; convert it to PostgreSQL first (pgloader, or AWS DMS Schema Conversion) and assess what that produces`,
    );
  return { path, text, bytes: data.length, encoding };
}

/**
 * Dumps of other databases, recognised by the header their own dump tools always write: assessing them
 * would only list every statement as a parse error. Statements of another dialect inside a PostgreSQL
 * file are parse errors that say so (ingest/foreign-syntax.ts).
 */
function otherDatabaseDump(text: string): string | undefined {
  const head = text.slice(0, 4096);
  const mysql = /^-- (MySQL|MariaDB) dump [\d.]+/m.exec(head);
  if (mysql) return `a ${mysql[1]} dump (mysqldump's header \`${mysql[0]}\`)`;
  if (/^\/\*{6} Object: {2}\w+ \[/m.test(head)) return "a SQL Server script (SSMS's `/****** Object:` header)";
  if (/^PRAGMA foreign_keys=OFF;\r?\nBEGIN TRANSACTION;/.test(text.replace(/^\uFEFF/, ""))) return "a SQLite dump (sqlite3 .dump)";
  return undefined;
}

/**
 * PostgreSQL's names for the encodings a database (and so its pg_dump output) may use, as WHATWG labels
 * TextDecoder knows. SQL_ASCII is no encoding at all, and MULE_INTERNAL / EUC_TW / LATIN10 have no decoder.
 */
const PG_ENCODINGS: Record<string, string> = {
  LATIN1: "iso-8859-1",
  LATIN2: "iso-8859-2",
  LATIN3: "iso-8859-3",
  LATIN4: "iso-8859-4",
  LATIN5: "iso-8859-9",
  LATIN6: "iso-8859-10",
  LATIN7: "iso-8859-13",
  LATIN8: "iso-8859-14",
  LATIN9: "iso-8859-15",
  ISO_8859_5: "iso-8859-5",
  ISO_8859_6: "iso-8859-6",
  ISO_8859_7: "iso-8859-7",
  ISO_8859_8: "iso-8859-8",
  WIN866: "ibm866",
  WIN874: "windows-874",
  WIN1250: "windows-1250",
  WIN1251: "windows-1251",
  WIN1252: "windows-1252",
  WIN1253: "windows-1253",
  WIN1254: "windows-1254",
  WIN1255: "windows-1255",
  WIN1256: "windows-1256",
  WIN1257: "windows-1257",
  WIN1258: "windows-1258",
  KOI8R: "koi8-r",
  KOI8U: "koi8-u",
  EUC_JP: "euc-jp",
  EUC_KR: "euc-kr",
  EUC_CN: "gbk",
  SJIS: "shift_jis",
  GBK: "gbk",
  GB18030: "gb18030",
  BIG5: "big5",
};
// Aliases PostgreSQL accepts for the same encodings.
const PG_ENCODING_ALIASES: Record<string, string> = {
  ISO88591: "LATIN1",
  ISO885915: "LATIN9",
  WIN: "WIN1251",
  SHIFTJIS: "SJIS",
  KOI8: "KOI8R",
};

/** The client_encoding a file sets near its top (pg_dump writes it in the first lines), if any. */
function declaredEncoding(data: Uint8Array): { name: string; label?: string } | undefined {
  // The header is ASCII whatever the encoding: read it as Latin-1, which cannot fail.
  const head = new TextDecoder("iso-8859-1").decode(data.subarray(0, 4096));
  const m = /^\s*SET\s+client_encoding\s*(?:=|TO)\s*'([^']+)'/im.exec(head) ?? /set_config\('client_encoding',\s*'([^']+)'/i.exec(head);
  if (!m) return undefined;
  const raw = m[1].toUpperCase().replace(/-/g, "_");
  const name = PG_ENCODING_ALIASES[raw.replace(/_/g, "")] ?? raw;
  return { name, label: PG_ENCODINGS[name] };
}

/** pg_dump's non-text formats: custom (-Fc) starts with "PGDMP"; tar (-Ft) is a ustar archive led by toc.dat. */
function pgDumpArchive(data: Uint8Array): "custom-format (pg_dump -Fc)" | "tar-format (pg_dump -Ft)" | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...data.subarray(from, to));
  if (ascii(0, 5) === "PGDMP") return "custom-format (pg_dump -Fc)";
  if (data.length > 262 && ascii(257, 262) === "ustar" && ascii(0, 7) === "toc.dat") return "tar-format (pg_dump -Ft)";
  return undefined;
}

function decodeOrThrow(path: string, label: "utf-16le" | "utf-16be", data: Uint8Array): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(data);
  } catch {
    throw new InputError(
      "encoding",
      path,
      `declares ${label.toUpperCase()} with a byte-order mark but is not valid ${label.toUpperCase()}`,
    );
  }
}

/**
 * UTF-16 text of mostly ASCII characters has a NUL in every other byte: odd offsets for little-endian,
 * even ones for big-endian. Binary files have NULs too, but not in one column with text in the other.
 */
function utf16WithoutBom(data: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(data.length, 8192) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (data[i] === 0) evenNul++;
    if (data[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.6 && evenNul / pairs < 0.05) return "utf-16le";
  if (evenNul / pairs > 0.6 && oddNul / pairs < 0.05) return "utf-16be";
  return undefined;
}

/** NUL or a high share of control bytes in the first 8 KiB means binary (same heuristic as git/grep). */
function looksBinary(data: Uint8Array): boolean {
  const n = Math.min(data.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = data[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.1;
}

function firstInvalidUtf8(data: Uint8Array): number {
  let i = 0;
  while (i < data.length) {
    const b = data[i];
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= data.length || (data[i + k] & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}

function lineAt(data: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < data.length; i++) if (data[i] === 10) line++;
  return line;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
