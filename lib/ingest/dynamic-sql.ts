/**
 * The SQL text of a PL/pgSQL EXECUTE, when it can be known without running the routine: a string
 * constant, or format() whose format string fixes the statement's shape (only %I identifiers and %L
 * literals are filled in at run time). Anything else (concatenation with variables, %s, a variable) is
 * unresolved and reported as such instead of being guessed.
 */
import { parseSync } from "libpg-query";
import type { AstNode } from "./parse";

const PREFIX = "SELECT ";
/** A format() placeholder: %I, %L, %s with optional position (%1$I) and width flags. */
const PLACEHOLDER = /%(?:(\d+)\$)?-?(\d+|\*(?:\d+\$)?)?([ILs%])/g;

export interface ResolvedSql {
  sql: string;
  /** Char offset of the SQL text's first character inside the expression (past the opening quote). */
  offset: number;
}

export function resolveDynamicSql(expression: string): ResolvedSql | undefined {
  let target: AstNode | undefined;
  try {
    const stmts = parseSync(PREFIX + expression).stmts ?? [];
    const list = stmts.length === 1 ? (stmts[0].stmt as AstNode | undefined)?.SelectStmt?.targetList : undefined;
    target = list?.length === 1 ? list[0].ResTarget?.val : undefined;
  } catch {
    return undefined;
  }
  if (!target) return undefined;
  const literal = (n: AstNode | undefined) =>
    typeof n?.A_Const?.sval?.sval === "string"
      ? { text: n.A_Const.sval.sval as string, at: (n.A_Const.location as number) - PREFIX.length + 1 }
      : undefined;
  const constant = literal(target);
  if (constant) return { sql: constant.text, offset: constant.at };
  const call = target.FuncCall;
  const name = (call?.funcname ?? []).map((x: AstNode) => x.String?.sval).join(".");
  if (name !== "format" && name !== "pg_catalog.format") return undefined;
  const fmt = literal(call.args?.[0]);
  if (!fmt) return undefined;
  let shapeKnown = true;
  const sql = fmt.text.replace(PLACEHOLDER, (_m, _pos, _width, kind: string) => {
    if (kind === "%") return "%";
    if (kind === "I") return "dyn_identifier";
    if (kind === "L") return "'dyn_literal'";
    shapeKnown = false; // %s can hold any text, keywords included
    return "dyn_text";
  });
  return shapeKnown ? { sql, offset: fmt.at } : undefined;
}
