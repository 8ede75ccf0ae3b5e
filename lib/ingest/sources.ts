/**
 * Collecting SQL inputs from files, directories, zip archives and stdin, in the order a migration tool
 * would apply them (natural filename order, so V2__ comes before V10__).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { unzipSync } from "fflate";
import { decodeSql, DEFAULT_MAX_INPUT_BYTES, InputError, type InputFile } from "./input";

export interface ReadOptions {
  /** Limit for each input and for their total. */
  maxBytes?: number;
}

const SQL_FILE = /\.(sql|psql|pgsql)$/i;

export const naturalOrder = new Intl.Collator("en", { numeric: true, sensitivity: "base" }).compare;

/** Expand a zip archive held in memory into SQL inputs named `archive.zip/inner/path.sql`. */
export function expandZip(name: string, data: Uint8Array, opts: ReadOptions = {}): InputFile[] {
  const max = opts.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  let entries: Record<string, Uint8Array>;
  let total = 0;
  try {
    entries = unzipSync(data, {
      filter: (f) => {
        if (!SQL_FILE.test(f.name) || f.name.startsWith("__MACOSX/")) return false;
        total += f.originalSize;
        if (f.originalSize > max || total > max) {
          throw new InputError("too-large", `${name}/${f.name}`, `archive expands past the ${max} byte limit`);
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError("zip", name, `not a readable zip archive (${(e as Error).message})`);
  }
  const names = Object.keys(entries).sort(naturalOrder);
  if (names.length === 0) throw new InputError("no-sql-files", name, "archive contains no .sql files");
  return names.map((inner) => decodeSql(`${name}/${inner}`, entries[inner], max));
}

export function isZip(data: Uint8Array): boolean {
  return data.length > 3 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

/** Inputs from one uploaded or read blob: a zip expands to its .sql entries, anything else is one file. */
export function inputsFromBytes(name: string, data: Uint8Array, opts: ReadOptions = {}): InputFile[] {
  if (isZip(data)) return expandZip(name, data, opts);
  return [decodeSql(name, data, opts.maxBytes)];
}

/** Read command-line style arguments: files, directories (recursively, .sql only), zips, or "-" for stdin. */
export function readInputs(args: string[], opts: ReadOptions = {}, stdin?: () => Uint8Array): InputFile[] {
  const max = opts.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const out: InputFile[] = [];
  let total = 0;
  const push = (files: InputFile[]) => {
    for (const f of files) {
      total += f.bytes;
      if (total > max) {
        throw new InputError("too-large", f.path, `inputs together exceed the ${max} byte limit`);
      }
      out.push(f);
    }
  };
  for (const arg of args) {
    if (arg === "-") {
      const data = stdin ? stdin() : readFileSync(0);
      push([decodeSql("<stdin>", data, max)]);
      continue;
    }
    let st;
    try {
      st = statSync(arg);
    } catch {
      throw new InputError("not-found", arg, "no such file or directory");
    }
    if (st.isDirectory()) {
      const files = listSqlFiles(arg);
      if (files.length === 0) throw new InputError("no-sql-files", arg, "directory contains no .sql files");
      for (const f of files) push([decodeSql(join(arg, f), readBytes(join(arg, f), max), max)]);
    } else {
      push(inputsFromBytes(arg, readBytes(arg, max), opts));
    }
  }
  return out;
}

function readBytes(path: string, max: number): Uint8Array {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InputError("not-found", path, "no such file");
  }
  // Refuse before reading so a huge file never lands in memory.
  if (size > max) throw new InputError("too-large", path, `file is ${size} bytes, over the ${max} byte limit`);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new InputError("unreadable", path, (e as Error).message);
  }
}

/** Relative paths of .sql files below dir, in natural order of their path (migration-folder order). */
export function listSqlFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (SQL_FILE.test(entry.name)) found.push(relative(dir, p));
    }
  };
  walk(dir);
  return found.sort(naturalOrder);
}

