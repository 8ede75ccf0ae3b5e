import { callSites } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const FTS = new Set([
  "to_tsvector",
  "to_tsquery",
  "plainto_tsquery",
  "phraseto_tsquery",
  "websearch_to_tsquery",
  "ts_rank",
  "ts_rank_cd",
  "ts_headline",
  "setweight",
  "tsvector_update_trigger",
  "tsvector_update_trigger_column",
]);

export default defineRule({
  id: "full-text-search",
  title: "Full-text search",
  severity: "warning",
  category: "workload",
  fixKind: "manual",
  effort: "significant",
  docsUrl: SOURCES.TYPES,
  why: "DSQL has no tsvector columns and no GIN indexes, and AWS guidance treats full-text search as unsupported: to_tsvector/@@ queries at best scan every row.",
  fix: "Move search to OpenSearch (fed from CDC streams or the application), or use simple prefix searches on B-tree indexed columns.",
  catalogRows: [104],
  example: {
    bad: "SELECT * FROM film WHERE fulltext @@ to_tsquery('drama');",
    good: "-- query OpenSearch for matching film ids, then SELECT … WHERE film_id = ANY($1)",
  },
  kinds: ["SelectStmt", "InsertStmt", "UpdateStmt", "DeleteStmt", "ViewStmt", "CreateFunctionStmt", "DoStmt", "CallStmt"],
  checkStatement(ctx) {
    const calls = callSites(ctx, (name) => FTS.has(name));
    const match = ctx.nodes("A_Expr").find((e) => e.name?.[0]?.String?.sval === "@@");
    if (calls.length === 0 && !match) return;
    const what = [...new Set(calls.map((c) => `${c.name}()`)), ...(match ? ["@@"] : [])];
    ctx.report({
      message: `full-text search (${what.join(", ")}) is not supported in practice; use an external search service`,
      location: calls[0]?.location ?? match?.location,
    });
  },
});
