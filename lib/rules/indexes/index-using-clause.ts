import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/**
 * The AST says `btree` whether or not USING was written, so look at the text: blank comments, string
 * literals and multi-word quoted identifiers first so `-- USING btree` or a column "using btree" never match.
 */
const USING_BTREE = /\busing\s+"?btree"?(?![\w$])/i;

export function explicitUsingBtree(text: string): boolean {
  if (!USING_BTREE.test(text)) return false;
  // Nothing that could hide or fake the clause: the raw match stands (the common pg_dump case).
  if (!/['"$]|--|\/\*/.test(text)) return true;
  const code = text
    .replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, " ")
    .replace(/"([^"]*)"/g, (_m, inner: string) => (/^\w+$/.test(inner) ? `"${inner}"` : " x "));
  return USING_BTREE.test(code);
}

export default defineRule({
  id: "index-using-clause",
  title: "Explicit USING btree on an index",
  severity: "blocker",
  category: "indexes",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.CREATE_INDEX,
  why: "DSQL's CREATE INDEX grammar has no USING clause: even `USING btree` is rejected (`USING not supported for CREATE INDEX`). Every DSQL index is a B-tree already. pg_dump writes USING btree on every index.",
  fix: "Delete `USING btree`; the index is identical without it.",
  catalogRows: [42],
  example: {
    bad: "CREATE INDEX ASYNC idx_film_title ON film USING btree (title);",
    good: "CREATE INDEX ASYNC idx_film_title ON film (title);",
  },
  kinds: ["IndexStmt"],
  checkStatement({ stmt, report }) {
    if (stmt.node.accessMethod !== "btree" || !explicitUsingBtree(stmt.text)) return;
    report({ message: `index ${stmt.node.idxname ?? "(unnamed)"} names USING btree; DSQL rejects any USING clause` });
  },
});
