/**
 * Cluster dumps (pg_dumpall) hold several databases, each after a `\connect NAME`. A DSQL cluster has one
 * database, so each source database is assessed and rewritten on its own; what comes before the first
 * `\connect` (roles, tablespaces: the cluster's globals) goes with each of them.
 */
import type { InputFile } from "./input";
import { metaCommandName, scanScript, type ScriptScan } from "./lex";

export interface DatabaseSection {
  /** The database `\connect` switched to. */
  name: string;
  /** 1-based line of the `\connect`. */
  line: number;
  /** Char offsets: from the `\connect` to the next one (or the end of the input). */
  start: number;
  end: number;
}

/** Statements a dump writes in every database section, objects or not: session setup and the database itself. */
const SETUP = /^(SET|RESET|SELECT|CREATE\s+DATABASE|ALTER\s+DATABASE|COMMENT\s+ON\s+DATABASE|GRANT|REVOKE)\b/i;
const LEADING_COMMENTS = /^(\s+|--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/)*/;

/**
 * The target of a `\connect`: `\connect db`, `\c "My DB"`, or pg_dump's
 * `\connect -reuse-previous=on "dbname='my db'"`. Undefined for `\connect -` (same database) or no name.
 */
export function connectTarget(command: string): string | undefined {
  const name = metaCommandName(command);
  if (name !== "c" && name !== "connect") return undefined;
  const rest = command
    .slice(name.length + 1)
    .trim()
    .replace(/^-reuse-previous=\S+\s*/, "");
  const arg = /^"((?:[^"]|"")*)"|^'((?:[^']|'')*)'|^(\S+)/.exec(rest);
  if (!arg) return undefined;
  // psql drops a trailing semicolon from an unquoted argument (`\c chinook;`).
  let v = arg[1] !== undefined ? arg[1].replace(/""/g, '"') : arg[2] !== undefined ? arg[2].replace(/''/g, "'") : arg[3].replace(/;+$/, "");
  const conninfo = /(?:^|\s)dbname\s*=\s*(?:'((?:[^'\\]|\\.)*)'|(\S+))/.exec(v);
  if (v.includes("=") && conninfo) v = conninfo[1] !== undefined ? conninfo[1].replace(/\\(.)/g, "$1") : conninfo[2];
  return v === "-" || v === "" ? undefined : v;
}

/** Every `\connect` of the input and the text it governs. */
export function databaseSections(text: string, scan: Pick<ScriptScan, "metaCommands"> = scanScript(text)): DatabaseSection[] {
  const sections: DatabaseSection[] = [];
  let line = 1;
  let counted = 0;
  for (const m of scan.metaCommands) {
    const name = connectTarget(m.text);
    if (name === undefined) continue;
    for (let i = text.indexOf("\n", counted); i >= 0 && i < m.offset; i = text.indexOf("\n", i + 1)) line++;
    counted = m.offset;
    if (sections.length) sections[sections.length - 1].end = m.offset;
    sections.push({ name, line, start: m.offset, end: text.length });
  }
  return sections;
}

/**
 * The databases of a cluster dump that hold something (template databases and sections with session
 * setup only are left out), each with the line of its first `\connect`, in order of appearance.
 */
export function databasesIn(text: string, scan?: ScriptScan): Array<{ name: string; line: number }> {
  // Fast path: most inputs never switch databases.
  if (scan ? !scan.metaCommands.some((m) => connectTarget(m.text) !== undefined) : !/^[ \t]*\\c(onnect)?[ \t]/m.test(text)) return [];
  const s = scan ?? scanScript(text);
  const found = new Map<string, number>();
  const firstLine = new Map<string, number>();
  const sections = databaseSections(text, s);
  let k = 0;
  for (const sec of sections) {
    if (!firstLine.has(sec.name)) firstLine.set(sec.name, sec.line);
    if (/^template[01]$/.test(sec.name) || found.has(sec.name)) continue;
    while (k < s.statements.length && s.statements[k].end <= sec.start) k++;
    for (let j = k; j < s.statements.length && s.statements[j].start < sec.end; j++) {
      const stmt = s.parseable.slice(s.statements[j].start, s.statements[j].end).replace(LEADING_COMMENTS, "");
      if (stmt && !SETUP.test(stmt)) {
        found.set(sec.name, firstLine.get(sec.name)!);
        break;
      }
    }
  }
  return [...found].map(([name, line]) => ({ name, line }));
}

/**
 * The input narrowed to one database: the globals before the first `\connect` and that database's
 * sections stay, every other database's text becomes spaces (newlines kept), so lines and offsets hold.
 */
export function onlyDatabase(file: InputFile, name: string): InputFile {
  const sections = databaseSections(file.text);
  if (!sections.length) return file;
  let text = "";
  let pos = 0;
  for (const s of sections) {
    if (s.name === name) continue;
    text += file.text.slice(pos, s.start) + file.text.slice(s.start, s.end).replace(/[^\n]/g, " ");
    pos = s.end;
  }
  text += file.text.slice(pos);
  return { ...file, text };
}

/** A rewrite given several databases at once: each needs its own cluster (see the CLI's rewrite). */
export class SeveralDatabasesError extends Error {
  constructor(
    readonly file: string,
    readonly databases: Array<{ name: string; line: number }>,
  ) {
    super(
      `${file} holds ${databases.length} databases (${describeDatabases(databases)}); a DSQL cluster has one database, so each is rewritten for its own cluster: rewrite one at a time with --database NAME, or let the CLI's rewrite write one folder per database`,
    );
    this.name = "SeveralDatabasesError";
  }
}

export function describeDatabases(databases: Array<{ name: string; line: number }>): string {
  return databases.map((d) => `${d.name} from line ${d.line}`).join(", ");
}

/** The databases of all inputs, by name, each at its first appearance. */
export function databasesOfInputs(files: InputFile[]): Array<{ name: string; line: number; file: string }> {
  const out = new Map<string, { name: string; line: number; file: string }>();
  for (const f of files) for (const d of databasesIn(f.text)) if (!out.has(d.name)) out.set(d.name, { ...d, file: f.path });
  return [...out.values()];
}

/**
 * The inputs narrowed to one database (the CLI's `--database NAME`, a dashboard assessment of one database
 * of a cluster dump); a name the inputs do not hold is the user's mistake. `asked` names the request in
 * the message.
 */
export function selectDatabase(
  files: InputFile[],
  name: string,
  usageError: (m: string) => Error,
  asked = `--database ${name}`,
): InputFile[] {
  checkDatabase(files, name, usageError, asked);
  return files.map((f) => onlyDatabase(f, name));
}

/** Refuse a database name the inputs do not hold, naming the ones they do (selectDatabase without the narrowing). */
export function checkDatabase(files: InputFile[], name: string, usageError: (m: string) => Error, asked = `--database ${name}`): void {
  const dbs = databasesOfInputs(files);
  if (!dbs.some((d) => d.name === name))
    throw usageError(
      `${asked}: ${dbs.length ? `the inputs hold ${dbs.map((d) => d.name).join(", ")}` : "the inputs connect to no database (no \\connect with objects after it)"}`,
    );
}
