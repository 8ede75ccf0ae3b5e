import { callSites } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const LO_FUNCS = new Set([
  "lo_create",
  "lo_creat",
  "lo_import",
  "lo_export",
  "lo_open",
  "lo_close",
  "lo_read",
  "lo_write",
  "loread",
  "lowrite",
  "lo_unlink",
  "lo_put",
  "lo_get",
  "lo_from_bytea",
  "lo_truncate",
  "lo_truncate64",
  "lo_lseek",
  "lo_lseek64",
  "lo_tell",
  "lo_tell64",
]);

export default defineRule({
  id: "large-object",
  title: "Large objects",
  severity: "blocker",
  category: "database-and-storage",
  fixKind: "manual",
  effort: "significant",
  docsUrl: SOURCES.SYSTEM_TABLES,
  why: "DSQL has no large-object facility (pg_largeobject does not apply): lo_* functions, pg_dump's lo_create/ALTER LARGE OBJECT and grants on large objects fail. Values are capped at 1 MiB per column anyway.",
  fix: "Store the blobs in S3 and keep the object key (and size/checksum) in a table; small values can be bytea (≤ 1 MiB).",
  catalogRows: [99],
  example: {
    bad: "SELECT lo_import('/tmp/poster.png');",
    good: "INSERT INTO film_poster (film_id, s3_key) VALUES (1, 'posters/1.png');",
  },
  kinds: [
    ...["SelectStmt", "InsertStmt", "UpdateStmt", "DeleteStmt", "ViewStmt", "CreateFunctionStmt", "DoStmt", "CallStmt"],
    "AlterOwnerStmt",
    "GrantStmt",
    "CommentStmt",
  ],
  checkStatement(ctx) {
    const n = ctx.stmt.node;
    const kind = ctx.stmt.kind;
    if (kind === "AlterOwnerStmt" || kind === "GrantStmt" || kind === "CommentStmt") {
      const objType = kind === "GrantStmt" ? n.objtype : kind === "CommentStmt" ? n.objtype : n.objectType;
      if (objType === "OBJECT_LARGEOBJECT")
        ctx.report({
          message: `${kind === "GrantStmt" ? "GRANT" : kind === "CommentStmt" ? "COMMENT" : "ALTER"} on LARGE OBJECT is not supported`,
        });
      return;
    }
    for (const call of callSites(ctx, (name) => LO_FUNCS.has(name))) {
      ctx.report({ message: `${call.name}() uses large objects, which DSQL does not support`, location: call.location });
    }
  },
});
