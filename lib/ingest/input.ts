/**
 * Turning raw bytes into SQL text. Every way an input can be unusable (binary, empty, wrong encoding,
 * too large) becomes an InputError that names the file, so callers can report it instead of crashing.
 */

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

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
  | "no-such-database";

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
    if (looksBinary(body)) {
      throw new InputError("binary", path, "file looks binary (contains NUL or control bytes), not SQL text");
    }
    try {
      text = utf8.decode(body);
    } catch {
      const at = firstInvalidUtf8(body);
      throw new InputError(
        "encoding",
        path,
        `not valid UTF-8 (first bad byte at offset ${at}, line ${lineAt(body, at)}); convert it to UTF-8, or save it as UTF-16 with a byte-order mark`,
      );
    }
  }
  if (text.trim().length === 0) throw new InputError("empty", path, "file contains only whitespace");
  if (/\u0000/.test(text)) throw new InputError("binary", path, "file contains NUL characters, not SQL text");
  return { path, text, bytes: data.length, encoding };
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
