/**
 * Collecting SQL inputs from files, directories, zip archives and stdin, in the order a migration tool
 * would apply them (natural filename order, so V2__ comes before V10__).
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join, relative } from "node:path";
import { Unzip, UnzipInflate } from "fflate";
import { decodeSql, DEFAULT_MAX_INPUT_BYTES, formatBytes, InputError, type InputFile } from "./input";
import { inPlanOrder } from "./sqitch";

export interface ReadOptions {
  /** Limit for each input and for their total. */
  maxBytes?: number;
}

const SQL_FILE = /\.(sql|psql|pgsql)(\.gz)?$/i;

export const naturalOrder = new Intl.Collator("en", { numeric: true, sensitivity: "base" }).compare;

/** Compressed bytes fed to the inflater at a time: bounds what one step can expand to (~1000× at most). */
const ZIP_FEED_BYTES = 16 * 1024;

/**
 * Entries of a zip held in memory whose name passes `keep`, inflated as a stream. The inflated bytes are
 * counted as they come out, so an archive whose headers understate the sizes (a zip bomb) stops at `max`
 * instead of expanding in memory; the sizes the headers declare are never trusted.
 */
export function unzipLimited(name: string, data: Uint8Array, keep: (entry: string) => boolean, max: number): Map<string, Uint8Array> {
  if (!hasEndOfCentralDirectory(data))
    throw new InputError("zip", name, "not a readable zip archive (no end-of-archive record: truncated or not a zip)");
  const parts = new Map<string, Uint8Array[]>();
  let total = 0;
  let seen = 0;
  let failure: InputError | undefined;
  const unzip = new Unzip((file) => {
    seen++;
    if (failure || !keep(file.name)) return;
    const chunks: Uint8Array[] = [];
    parts.set(file.name, chunks);
    file.ondata = (err, chunk) => {
      if (failure) return;
      if (err) {
        failure = new InputError("zip", `${name}/${file.name}`, `not a readable zip entry (${err.message})`);
        return;
      }
      total += chunk.length;
      if (total > max) {
        failure = new InputError(
          "too-large",
          `${name}/${file.name}`,
          `archive expands past the ${formatBytes(max)} limit (counted while inflating; its headers declare ${formatBytes(file.originalSize ?? 0)} for this entry)`,
        );
        file.terminate();
        return;
      }
      chunks.push(chunk);
    };
    try {
      file.start();
    } catch (e) {
      failure = new InputError("zip", `${name}/${file.name}`, `cannot extract this entry (${(e as Error).message})`);
    }
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < data.length && !failure; at += ZIP_FEED_BYTES) {
      unzip.push(data.subarray(at, at + ZIP_FEED_BYTES), at + ZIP_FEED_BYTES >= data.length);
    }
  } catch (e) {
    failure ??= new InputError("zip", name, `not a readable zip archive (${(e as Error).message})`);
  }
  if (failure) throw failure;
  if (seen === 0) throw new InputError("zip", name, "not a readable zip archive (no entries found)");
  const out = new Map<string, Uint8Array>();
  for (const [entry, chunks] of parts) out.set(entry, Buffer.concat(chunks));
  return out;
}

/** The end-of-central-directory record (PK\x05\x06) sits in the last 22 bytes plus at most a 64 KiB comment. */
function hasEndOfCentralDirectory(data: Uint8Array): boolean {
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === 0x05 && data[i + 3] === 0x06) return true;
  }
  return false;
}

/** Expand a zip archive held in memory into SQL inputs named `archive.zip/inner/path.sql`. */
export function expandZip(name: string, data: Uint8Array, opts: ReadOptions = {}): InputFile[] {
  const max = opts.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const entries = unzipLimited(
    name,
    data,
    (f) => (SQL_FILE.test(f) || isSqitchPlan(f)) && !f.startsWith("__MACOSX/") && !f.endsWith("/"),
    max,
  );
  const sql = [...entries.keys()].filter((f) => SQL_FILE.test(f)).sort(naturalOrder);
  const names = inPlanOrder(sql, (dir) => {
    const plan = entries.get(`${dir}sqitch.plan`);
    return plan ? new TextDecoder().decode(plan) : undefined;
  });
  if (names.length === 0) throw new InputError("no-sql-files", name, "archive contains no .sql files");
  return names.flatMap((inner) => {
    const bytes = entries.get(inner)!;
    return isGzip(bytes) ? inputsFromBytes(`${name}/${inner}`, bytes, { maxBytes: max }) : [decodeSql(`${name}/${inner}`, bytes, max)];
  });
}

export function isZip(data: Uint8Array): boolean {
  return data.length > 3 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

export function isGzip(data: Uint8Array): boolean {
  return data.length > 2 && data[0] === 0x1f && data[1] === 0x8b;
}

/** A gzip stream (`pg_dump | gzip`) inflated up to the size limit: a small file that expands past it is refused. */
function gunzipLimited(name: string, data: Uint8Array, max: number): Uint8Array {
  try {
    return gunzipSync(data, { maxOutputLength: max + 1 });
  } catch (e) {
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      throw new InputError("too-large", name, `decompresses to more than the ${formatBytes(max)} limit (raise it with --max-bytes)`);
    throw new InputError("binary", name, `gzip data is damaged or cut short (${(e as Error).message})`);
  }
}

/** Inputs from one uploaded or read blob: a zip expands to its .sql entries, gzip is inflated, anything else is one file. */
export function inputsFromBytes(name: string, data: Uint8Array, opts: ReadOptions = {}): InputFile[] {
  if (isZip(data)) return expandZip(name, data, opts);
  if (isGzip(data)) {
    // Named after what it holds (`schema.sql.gz` → `schema.sql`), so section and migration order read the name.
    return inputsFromBytes(name.replace(/\.gz$/i, ""), gunzipLimited(name, data, opts.maxBytes ?? DEFAULT_MAX_INPUT_BYTES), opts);
  }
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
      push(inputsFromBytes("<stdin>", data, { maxBytes: max }));
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
      if (files.length === 0 && existsSync(join(arg, "toc.dat")))
        throw new InputError(
          "no-sql-files",
          arg,
          `a pg_dump directory-format archive (pg_dump -Fd), not SQL files: write it out as SQL with \`pg_restore --schema-only -f schema.sql ${arg}\` (without --schema-only to keep the data) and assess that file`,
        );
      if (files.length === 0) throw new InputError("no-sql-files", arg, "directory contains no .sql files");
      for (const f of files) push(inputsFromBytes(join(arg, f), readBytes(join(arg, f), max), { maxBytes: max }));
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

/**
 * Relative paths of .sql files below dir, in natural order of their path (migration-folder order), a
 * sqitch project's deploy scripts in its plan's order (ingest/sqitch.ts).
 */
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
  return inPlanOrder(found.sort(naturalOrder), (sub) => {
    try {
      return readFileSync(join(dir, sub, "sqitch.plan"), "utf8");
    } catch {
      return undefined;
    }
  });
}

function isSqitchPlan(path: string): boolean {
  return path === "sqitch.plan" || path.endsWith("/sqitch.plan");
}
