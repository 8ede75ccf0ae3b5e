import { strings } from "@/lib/ingest/ast";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "index-collation",
  title: "COLLATE on an index key",
  severity: "blocker",
  category: "indexes",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.CREATE_INDEX,
  why: "DSQL's CREATE INDEX has no per-key COLLATE; the database uses the C collation only.",
  fix: "Remove the COLLATE clause from the key. Order-sensitive queries then sort bytewise (C collation).",
  catalogRows: [44],
  example: {
    bad: 'CREATE INDEX ASYNC idx_artist_name ON artist (name COLLATE "en_US");',
    good: "CREATE INDEX ASYNC idx_artist_name ON artist (name);",
  },
  kinds: ["IndexStmt"],
  checkStatement({ stmt, report }) {
    for (const p of stmt.node.indexParams ?? []) {
      const e = p.IndexElem;
      if (!e?.collation) continue;
      report({
        message: `index ${stmt.node.idxname ?? "(unnamed)"} key ${e.name ?? "(expression)"} has COLLATE ${strings(e.collation).join(".")}; DSQL indexes take no collation`,
      });
    }
  },
});
