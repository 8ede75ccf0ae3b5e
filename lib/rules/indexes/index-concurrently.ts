import { strings } from "@/lib/ingest/ast";
import { namedObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "index-concurrently",
  title: "CREATE/DROP INDEX CONCURRENTLY",
  severity: "blocker",
  category: "indexes",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.INDEX_ASYNC,
  why: "DSQL rejects CONCURRENTLY (`CONCURRENTLY not supported for CREATE INDEX`; DROP INDEX CONCURRENTLY fails even alone). Index builds are always asynchronous and never block writers.",
  fix: "Replace `CREATE INDEX CONCURRENTLY` with `CREATE INDEX ASYNC`, and `DROP INDEX CONCURRENTLY` with a plain `DROP INDEX` (which also cancels a build in progress).",
  catalogRows: [41],
  example: {
    bad: "CREATE INDEX CONCURRENTLY idx_film_title ON film (title);",
    good: "CREATE INDEX ASYNC idx_film_title ON film (title);",
  },
  kinds: ["IndexStmt", "DropStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (!n.concurrent) return;
    if (stmt.kind === "IndexStmt") {
      report({ message: `CREATE INDEX CONCURRENTLY ${n.idxname ?? "(unnamed)"} is not supported; use CREATE INDEX ASYNC` });
    } else if (n.removeType === "OBJECT_INDEX") {
      for (const o of n.objects ?? []) {
        const obj = namedObject(builder, strings(o.List?.items), "index");
        report({ message: `DROP INDEX CONCURRENTLY ${obj.name} is not supported; use DROP INDEX`, object: obj });
      }
    }
  },
});
