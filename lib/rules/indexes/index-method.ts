import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const HINTS: Record<string, string> = {
  gin: "GIN serves arrays, jsonb containment and full-text search: extract the searched values into columns or a join table with a B-tree index, or use an external search service",
  gist: "GiST serves geometric, range and similarity searches: store bounds in scalar columns with B-tree indexes, or move the search out of the database",
  spgist: "store the searched parts in scalar columns with a B-tree index",
  brin: "a plain B-tree index (or none: DSQL storage is ordered by primary key)",
  hash: "a B-tree index serves the same equality lookups",
};

export default defineRule({
  id: "index-method",
  title: "Non-B-tree index access method",
  severity: "blocker",
  category: "indexes",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.CREATE_INDEX,
  why: "DSQL only has B-tree indexes and rejects any USING clause. GIN, GiST, SP-GiST, BRIN and hash indexes serve queries a B-tree cannot answer the same way.",
  fix: "Rework the queries the index served: extracted columns or join tables with B-tree indexes for GIN/GiST use-cases, a B-tree for hash, external search (e.g. OpenSearch) for full-text or similarity search.",
  catalogRows: [42],
  example: {
    bad: "CREATE INDEX film_fulltext_idx ON film USING gist (fulltext);",
    good: "-- search film text in OpenSearch, or index an extracted column: CREATE INDEX ASYNC film_title_idx ON film (title);",
  },
  kinds: ["IndexStmt"],
  checkStatement({ stmt, report }) {
    const method = String(stmt.node.accessMethod ?? "btree").toLowerCase();
    if (method === "btree") return;
    report({
      message: `index ${stmt.node.idxname ?? "(unnamed)"} uses ${method}; DSQL only has B-tree indexes${HINTS[method] ? ` (${HINTS[method]})` : ""}`,
    });
  },
});
