/**
 * What a statement that does not parse as PostgreSQL 18 most likely is, when it shows the marks of
 * another database or of an older PostgreSQL: the parser's own message only names a token ("syntax
 * error at or near "`""), which does not tell a person that the whole file is a MySQL dump or that a
 * PostgreSQL 11 dump needs one clause removed. Only statements that failed to parse are looked at.
 */

export interface ForeignSyntax {
  /** "mysql", "sqlserver" or "old-postgres". */
  dialect: string;
  /** Said after the parser's message: what the statement is and what to do. */
  hint: string;
  /** The statement as the hint says to write it (an older PostgreSQL's syntax); the caller parses it. */
  corrected?: string;
}

type Parse = (sql: string) => unknown;

const parses = (parse: Parse, sql: string): boolean => {
  try {
    parse(sql);
    return true;
  } catch {
    return false;
  }
};

const CONVERT =
  "this tool reads PostgreSQL: convert the schema to PostgreSQL first (pgloader, or AWS DMS Schema Conversion), then assess the result";

/** Code with string literals, comments and "quoted identifiers" blanked, so a backquote in a string is not MySQL. */
function codeOf(text: string): string {
  return text.replace(/'(?:[^']|'')*'|--[^\n]*|\/\*(?!!)[\s\S]*?\*\/|"(?:[^"]|"")*"/g, " ");
}

const MYSQL: Array<[RegExp, string]> = [
  [/`/, "backquoted names"],
  [/\/\*!\d{5}/, "/*!NNNNN … */ version comments"],
  [/\bAUTO_INCREMENT\b/i, "AUTO_INCREMENT"],
  [/\)\s*ENGINE\s*=/i, "ENGINE="],
  [/^\s*(?:UN)?LOCK\s+TABLES\b/i, "LOCK TABLES"],
  [/\b(?:TINY|MEDIUM|LONG)(?:INT|TEXT|BLOB)\b/i, "MySQL column types"],
  [/\bUNSIGNED\b/i, "UNSIGNED"],
  [/\bDEFAULT\s+CHARSET\s*=/i, "DEFAULT CHARSET="],
];

const SQLSERVER: Array<[RegExp, string]> = [
  [/\[[A-Za-z_][\w ]*\]\s*\.\s*\[/, "[bracketed].[names]"],
  [/^\s*GO\s*$/im, "GO batch separators"],
  [/\bIDENTITY\s*\(\s*\d+\s*,\s*\d+\s*\)/i, "IDENTITY(seed, increment)"],
  [/\bN?VARCHAR\s*\(\s*MAX\s*\)/i, "VARCHAR(MAX)"],
  [/\bSET\s+(?:ANSI_NULLS|QUOTED_IDENTIFIER)\s+ON\b/i, "SET ANSI_NULLS / QUOTED_IDENTIFIER"],
];

/**
 * A word that became a keyword after the input was written (`json` in PostgreSQL 16, `merge_action` in 17):
 * pg_dump 15 writes a parameter or column named json unquoted, and PostgreSQL 16 and later, DSQL included,
 * stop at it. Said only when the statement does parse with the word double-quoted (`parse` throws otherwise).
 */
export function newerKeyword(parseable: string, original: string, cursor: number, parse: Parse): ForeignSyntax | undefined {
  const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(parseable.slice(cursor))?.[0];
  if (!word) return undefined;
  const lower = word.toLowerCase();
  // First the names only, where the word also names the type after them (`json json`), then every use.
  const candidates = [
    new RegExp(`(?<!["\\w$])${word}(?=\\s+${word}(?![\\w$"]))`, "gi"),
    new RegExp(`(?<!["\\w$])${word}(?![\\w$"])`, "gi"),
  ];
  const pattern = candidates.find((re) => parses(parse, parseable.replace(re, `"${lower}"`)));
  if (!pattern) return undefined;
  const quote = (sql: string) => sql.replace(pattern, `"${lower}"`);
  return {
    dialect: "old-postgres",
    hint: `${lower} is a keyword in newer PostgreSQL (DSQL included), so this statement was written for an older one: it parses once the name is double-quoted ("${lower}")`,
    corrected: quote(original),
  };
}

/** The marks found, or undefined when the statement shows none (an ordinary syntax error). */
export function foreignSyntax(statement: string): ForeignSyntax | undefined {
  const code = codeOf(statement);
  if (/\bWITH\s+OIDS\b/i.test(code)) {
    // Line breaks stay, so the statement keeps its lines.
    const corrected = statement.replace(/\s*\bWITH\s+OIDS\b/i, (m) => m.replace(/[^\n]/g, ""));
    return {
      dialect: "old-postgres",
      hint: "WITH OIDS was removed in PostgreSQL 12, so this input comes from PostgreSQL 11 or older: delete the clause (DSQL tables have no OID column) and the statement parses",
      corrected,
    };
  }
  const mysql = MYSQL.filter(([re]) => re.test(code)).map(([, what]) => what);
  if (mysql.length) return { dialect: "mysql", hint: `MySQL syntax (${mysql.join(", ")}): ${CONVERT}` };
  const tsql = SQLSERVER.filter(([re]) => re.test(code)).map(([, what]) => what);
  if (tsql.length) return { dialect: "sqlserver", hint: `SQL Server syntax (${tsql.join(", ")}): ${CONVERT}` };
  return undefined;
}
