/**
 * Resource limits of one analysis. Memory grows with the number of statements (each can add model
 * objects and findings), so the statement count is checked from the lexer's split before any parsing,
 * and the heap is watched while statements stream through. Both failures are deterministic for a given
 * input: callers report them and never retry.
 */
import { getHeapStatistics } from "node:v8";
import { InputError, type InputFile } from "./input";
import { scanScript, type ScriptScan } from "./lex";

/** Above this many statements an input is refused before any work (rnacentral ×36, 47 MB, has 218k). */
export const DEFAULT_MAX_STATEMENTS = 300_000;
/**
 * Above this many statements an input is not rewritten (CLI `rewrite`, dashboard jobs), refused before
 * any parsing: the rewrite keeps every statement's AST and builds the DSQL script, per-object diffs and
 * the report's rewrite sections, about 6 KB per statement against 2 KB for the analysis alone, so
 * 100,000 statements peak near 0.9 GB (rnacentral ×16, 96,768 statements; README "Speed").
 */
export const DEFAULT_MAX_REWRITE_STATEMENTS = 100_000;
/** JS heap budget of one analysis; with the parser's WASM memory the process stays near 1 GB RSS. */
export const DEFAULT_MAX_HEAP_MB = 768;

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new InputError("too-large", name, `"${raw}" is not a positive whole number`);
  return n;
}

export function maxStatements(): number {
  return positiveInt(process.env.DSQL_PREFLIGHT_MAX_STATEMENTS, DEFAULT_MAX_STATEMENTS, "DSQL_PREFLIGHT_MAX_STATEMENTS");
}

export function maxRewriteStatements(): number {
  return positiveInt(
    process.env.DSQL_PREFLIGHT_MAX_REWRITE_STATEMENTS,
    DEFAULT_MAX_REWRITE_STATEMENTS,
    "DSQL_PREFLIGHT_MAX_REWRITE_STATEMENTS",
  );
}

export function maxHeapBytes(): number {
  return positiveInt(process.env.DSQL_PREFLIGHT_MAX_HEAP_MB, DEFAULT_MAX_HEAP_MB, "DSQL_PREFLIGHT_MAX_HEAP_MB") * 2 ** 20;
}

// The lexer pass that counts statements is the one parsing needs, so it is kept until the file is parsed.
const scans = new WeakMap<InputFile, ScriptScan>();

/** The file's lexer scan, computed once whether the limit check or the parser asks first. */
export function scanOf(file: InputFile): ScriptScan {
  let s = scans.get(file);
  if (!s) scans.set(file, (s = scanScript(file.text)));
  return s;
}

/** Hand the scan to the parser and forget it, so it is freed with the file's parse. */
export function takeScan(file: InputFile): ScriptScan {
  const s = scanOf(file);
  scans.delete(file);
  return s;
}

/** Total statements of the inputs (the lexer's split) and where they are, for the refusals below. */
function countStatements(files: InputFile[]): { total: number; where: string } {
  let total = 0;
  for (const f of files) total += scanOf(f).statements.length;
  return { total, where: files.length === 1 ? files[0].path : `${files.length} files` };
}

/** Refuse inputs with more statements than `limit` in total, before any parsing. */
export function checkStatementCount(files: InputFile[], limit = maxStatements()): number {
  const { total, where } = countStatements(files);
  if (total > limit)
    throw new InputError(
      "too-many-statements",
      where,
      `input too large to analyse: ${total} statements, limit ${limit} (raise it with --max-statements or DSQL_PREFLIGHT_MAX_STATEMENTS)`,
    );
  return total;
}

/** Refuse to rewrite inputs with more statements than `limit` in total, before any parsing. */
export function checkRewriteStatementCount(files: InputFile[], limit = maxRewriteStatements()): number {
  const { total, where } = countStatements(files);
  if (total > limit)
    throw new InputError(
      "too-many-statements",
      where,
      `input too large to rewrite: ${total} statements, limit ${limit} (the rewrite holds about 6 KB per statement; ` +
        `split the input, assess it without the rewrite with \`dsql-preflight analyze\` (up to ${maxStatements()} statements), ` +
        `or raise the limit with DSQL_PREFLIGHT_MAX_REWRITE_STATEMENTS)`,
    );
  return total;
}

/**
 * A user's input with no statement at all (comments, whitespace, psql meta-commands) has nothing to
 * assess: refused by name, so it never becomes a "ready" verdict. (The engine itself accepts such
 * inputs: a rule's "good" example may be only a comment.)
 */
export function checkHasStatements(files: InputFile[]): void {
  if (files.length === 0 || files.some((f) => scanOf(f).statements.length > 0)) return;
  const where =
    files.length === 1
      ? files[0].path
      : `${files.length} files (${files
          .slice(0, 3)
          .map((f) => f.path)
          .join(", ")}${files.length > 3 ? ", …" : ""})`;
  const rollback = files.map((f) => scanOf(f).rollbackSections[0]).find((r) => r);
  throw new InputError(
    "no-statements",
    where,
    rollback
      ? `no SQL statements found outside rollback sections (${rollback.marker} …), which undo a migration and are left out, so there is nothing to assess`
      : "no SQL statements found (only comments, whitespace or psql meta-commands), so there is nothing to assess",
  );
}

/** Checks the heap every few thousand statements; past the budget the analysis stops with a clear error. */
export class HeapGuard {
  private seen = 0;
  private over = false;
  constructor(
    private readonly totalStatements: number,
    private readonly limitBytes = maxHeapBytes(),
  ) {}

  tick(file: string): void {
    if ((++this.seen & 2047) !== 0) return;
    // Garbage counts in heapUsed until the next collection: only a second reading over budget,
    // thousands of statements later, means the live data itself is too large.
    const over = getHeapStatistics().used_heap_size > this.limitBytes; // = memoryUsage().heapUsed, without reading RSS
    if (!over || !this.over) {
      this.over = over;
      return;
    }
    throw new InputError(
      "too-many-statements",
      file,
      `input too large to analyse: ${this.totalStatements} statements; the ${Math.round(this.limitBytes / 2 ** 20)} MB memory budget ` +
        `was used up after ${this.seen} of them (raise it with DSQL_PREFLIGHT_MAX_HEAP_MB)`,
    );
  }
}
