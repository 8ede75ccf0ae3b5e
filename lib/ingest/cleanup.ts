/**
 * pg_dump --clean writes, before any CREATE, statements that remove what a previous restore left:
 * `DROP … [IF EXISTS]`, `ALTER TABLE [IF EXISTS] ONLY t DROP CONSTRAINT …`, `ALTER COLUMN … DROP
 * DEFAULT` and placeholder views that break a view ↔ function cycle. A migration targets an empty cluster, so that preamble is one unit: nothing to assess,
 * nothing to run. It is recognised only while the inputs have created nothing yet, so a migration
 * that drops an object an earlier file created is still read as a real change.
 */
import type { AstNode, ParseError, ParsedStatement } from "./parse";

const CLEANUP_SUBCOMMANDS = new Set(["AT_DropConstraint", "AT_ColumnDefault", "AT_DropNotNull", "AT_DropIdentity", "AT_DropColumn"]);

/** A statement that only removes objects (or parts of them). */
export function isCleanupStatement(stmt: ParsedStatement): boolean {
  const n = stmt.node;
  switch (stmt.kind) {
    case "DropStmt":
    case "DropdbStmt":
    case "DropRoleStmt":
    case "DropOwnedStmt":
      return true;
    case "ViewStmt": {
      // pg_dump --clean turns a view into a placeholder (CREATE OR REPLACE VIEW v AS SELECT NULL::t AS c, …)
      // before dropping the function it depends on.
      const sel = n.query?.SelectStmt;
      return (
        !!n.replace &&
        !!sel?.targetList?.length &&
        !sel.fromClause?.length &&
        sel.targetList.every((t: AstNode) => t.ResTarget?.val?.TypeCast?.arg?.A_Const?.isnull)
      );
    }
    case "AlterTableStmt": {
      const cmds: AstNode[] = (n.cmds ?? []).map((c: AstNode) => c.AlterTableCmd);
      return cmds.length > 0 && cmds.every((c) => c && CLEANUP_SUBCOMMANDS.has(c.subtype) && !(c.subtype === "AT_ColumnDefault" && c.def));
    }
    default:
      return false;
  }
}

/** Session set-up pg_dump writes around the preamble (SET …, SELECT set_config(…)); it neither starts nor ends it. */
export function isSessionStatement(stmt: ParsedStatement): boolean {
  if (stmt.kind === "VariableSetStmt" || stmt.kind === "VariableShowStmt") return true;
  if (stmt.kind !== "SelectStmt") return false;
  const fc = stmt.node.targetList?.[0]?.ResTarget?.val?.FuncCall;
  const name = fc ? (fc.funcname ?? []).map((x: AstNode) => x.String?.sval).pop() : undefined;
  return name === "set_config" && (stmt.node.targetList?.length ?? 0) === 1 && !stmt.node.fromClause;
}

/** Statement kinds that create something: the first of them after the drops confirms a preamble. */
const CREATES = /^(Create|Define|CompositeType|View|Index)/;

/**
 * A statement that did not parse but reads as a removal (a drop naming a type or argument this parser
 * rejects): inside a preamble it is part of it, not the end of it. (An older PostgreSQL's drop whose
 * corrected form parses, such as pg_dump 15's `DROP FUNCTION f(json json)`, arrives parsed.)
 */
const DROP_TEXT = /^\s*(?:DROP\b|ALTER\s+(?:FOREIGN\s+)?TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?[^;]*?\bDROP\b)/i;

/** A parsed statement, or one that did not parse, in input order. */
export type PreambleItem = { stmt: ParsedStatement; error?: undefined } | { error: ParseError; stmt?: undefined };

/**
 * Holds back the leading drops of the inputs until it is clear what they are: followed by a CREATE
 * they are a --clean preamble (marked `cleanup`, drops that did not parse with them); otherwise (a file of
 * drops, any other parse error, the end of the first file) they are assessed like any statement. Items
 * come back in input order.
 */
export class CleanupPreamble {
  private open = true;
  private pending: PreambleItem[] = [];

  offer(stmt: ParsedStatement): PreambleItem[] {
    if (!this.open) return [{ stmt }];
    // pg_dump writes COMMENT ON SCHEMA public between the drops and the first CREATE.
    if (isSessionStatement(stmt) || isCleanupStatement(stmt) || stmt.kind === "CommentStmt") {
      this.pending.push({ stmt });
      return [];
    }
    return this.close(CREATES.test(stmt.kind), [{ stmt }]);
  }

  offerError(error: ParseError): PreambleItem[] {
    if (!this.open) return [{ error }];
    // Another database's statements are no pg_dump preamble, whatever they drop.
    const otherDatabase = error.dialect !== undefined && error.dialect !== "old-postgres";
    if (!otherDatabase && DROP_TEXT.test(error.text)) {
      this.pending.push({ error });
      return [];
    }
    // A CREATE the parser rejects still ends the drops as a CREATE does.
    return this.close(!otherDatabase && /^\s*CREATE\b/i.test(error.text), [{ error }]);
  }

  /** The end of a file: whatever is held back was not a preamble. */
  flush(): PreambleItem[] {
    return this.open ? this.close(false, []) : [];
  }

  private close(confirmed: boolean, tail: PreambleItem[]): PreambleItem[] {
    this.open = false;
    const out = this.pending;
    this.pending = [];
    if (confirmed)
      for (const item of out) {
        if (item.stmt && isCleanupStatement(item.stmt)) item.stmt.cleanup = true;
        if (item.error) item.error.cleanup = true;
      }
    return [...out, ...tail];
  }
}
