/**
 * How statement kinds relate to DSQL transactions, and which kinds are known to be compatible as
 * written. A kind that is neither here nor examined by any rule gets the `unreviewed-statement`
 * warning, so nothing passes silently.
 */

export type StatementClass = "transaction" | "ddl" | "dml" | "query" | "session" | "other";

const DML = new Set(["InsertStmt", "UpdateStmt", "DeleteStmt", "MergeStmt", "CopyStmt", "TruncateStmt"]);
const TRANSACTION = new Set(["TransactionStmt"]);
const SESSION = new Set(["VariableSetStmt", "VariableShowStmt", "DiscardStmt", "LoadStmt", "CheckPointStmt"]);
const QUERY = new Set([
  "SelectStmt",
  "ExplainStmt",
  "CallStmt",
  "DoStmt",
  "ExecuteStmt",
  "PrepareStmt",
  "DeallocateStmt",
  "DeclareCursorStmt",
  "FetchStmt",
  "ClosePortalStmt",
  "ListenStmt",
  "NotifyStmt",
  "UnlistenStmt",
  "LockStmt",
  "VacuumStmt",
]);

export function statementClass(kind: string): StatementClass {
  if (TRANSACTION.has(kind)) return "transaction";
  if (DML.has(kind)) return "dml";
  if (SESSION.has(kind)) return "session";
  if (QUERY.has(kind)) return "query";
  if (
    /^(Create|Alter|Drop|Define|Rename|Grant|Comment|Index|View|Composite|Rule|Reindex|Cluster|SecLabel|Import|Refresh|Reassign)/.test(kind)
  )
    return "ddl";
  return "other";
}

/** Kinds DSQL accepts as written (checked for details by rules where relevant). */
export const KNOWN_COMPATIBLE = new Set([
  "SelectStmt",
  "InsertStmt",
  "UpdateStmt",
  "DeleteStmt",
  "VariableSetStmt",
  "VariableShowStmt",
  "CommentStmt",
  "CreateSchemaStmt",
  "AlterOwnerStmt",
  "RenameStmt",
  "AlterObjectSchemaStmt",
  "ExplainStmt",
  "MergeStmt",
  "DropRoleStmt",
  "GrantRoleStmt",
]);
