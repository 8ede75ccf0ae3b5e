import { closeSync, openSync, writeSync } from "node:fs";

/**
 * JSON.stringify's exact output for large reports, produced piece by piece: a report of a few hundred
 * thousand findings is hundreds of MB as one JS string (two bytes per char once any non-ASCII char is
 * in it), so it is written to a file or collected as UTF-8 chunks without ever being one string.
 */

/** Containers nested deeper than this are stringified whole (they are small: one finding, one hunk). */
const STREAM_DEPTH = 3;

function isPlainContainer(v: unknown): v is Record<string, unknown> | unknown[] {
  if (v === null || typeof v !== "object") return false;
  if (typeof (v as { toJSON?: unknown }).toJSON === "function") return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Hands `JSON.stringify(value, null, space)` to `write` in pieces (their concatenation is that string
 * exactly). Returns false when JSON.stringify would return undefined.
 */
export function streamJson(value: unknown, write: (piece: string) => void, space = 0): boolean {
  const unit = " ".repeat(space);
  const walk = (v: unknown, indent: string, depth: number): boolean => {
    if (depth >= STREAM_DEPTH || !isPlainContainer(v)) {
      const s = JSON.stringify(v, null, space);
      if (s === undefined) return false;
      // JSON strings never hold a raw newline, so every newline is layout to shift by the current indent.
      write(space && indent && s.includes("\n") ? s.replace(/\n/g, `\n${indent}`) : s);
      return true;
    }
    const inner = indent + unit;
    const open = space ? `\n${inner}` : "";
    const sep = space ? `,\n${inner}` : ",";
    const close = space ? `\n${indent}` : "";
    if (Array.isArray(v)) {
      if (v.length === 0) return (write("[]"), true);
      write(`[${open}`);
      for (let i = 0; i < v.length; i++) {
        if (i) write(sep);
        if (!walk(v[i], inner, depth + 1)) write("null");
      }
      write(`${close}]`);
      return true;
    }
    let first = true;
    for (const key of Object.keys(v)) {
      const item = v[key];
      if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
      write(first ? `{${open}` : sep);
      first = false;
      write(`${JSON.stringify(key)}:${space ? " " : ""}`);
      walk(item, inner, depth + 1);
    }
    write(first ? "{}" : `${close}}`);
    return true;
  };
  return walk(value, "", 0);
}

/** Pieces are joined and encoded in batches of about this many chars. */
const CHUNK_CHARS = 1 << 20;

/**
 * UTF-8 chunks of `JSON.stringify(value)` (each with its own ArrayBuffer, so they can be transferred to
 * another thread without copying). `undefined` becomes `null`, as a stored JSON column would hold.
 */
export function jsonUtf8Chunks(value: unknown): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const encoder = new TextEncoder();
  let pieces: string[] = [];
  let chars = 0;
  const flush = () => {
    if (!chars) return;
    chunks.push(encoder.encode(pieces.join("")));
    pieces = [];
    chars = 0;
  };
  const ok = streamJson(value, (p) => {
    pieces.push(p);
    chars += p.length;
    if (chars >= CHUNK_CHARS) flush();
  });
  if (!ok) return [encoder.encode("null")];
  flush();
  return chunks;
}

/** Writes `JSON.stringify(value, null, space) + suffix` to `path` without building it as one string. */
export function writeJsonFile(path: string, value: unknown, space = 0, suffix = ""): void {
  const fd = openSync(path, "w");
  try {
    let pieces: string[] = [];
    let chars = 0;
    const flush = () => {
      if (chars) writeSync(fd, pieces.join(""));
      pieces = [];
      chars = 0;
    };
    streamJson(
      value,
      (p) => {
        pieces.push(p);
        chars += p.length;
        if (chars >= CHUNK_CHARS) flush();
      },
      space,
    );
    pieces.push(suffix);
    chars += suffix.length;
    flush();
  } finally {
    closeSync(fd);
  }
}
