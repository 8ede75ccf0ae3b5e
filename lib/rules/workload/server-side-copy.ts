import { relObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "server-side-copy",
  title: "COPY to/from a server file or program",
  severity: "blocker",
  category: "workload",
  fixKind: "auto",
  effort: "simple",
  docsUrl: SOURCES.LOADING,
  why: "DSQL has no server file system: COPY … FROM/TO 'file' and COPY … PROGRAM fail. Only COPY FROM STDIN / TO STDOUT (psql's \\copy) works, in transactions of ≤ 3,000 rows.",
  fix: "Use psql's `\\copy` (client-side file) or the Aurora DSQL loader for files in S3; keep batches ≤ 3,000 rows.",
  catalogRows: [95],
  example: {
    bad: "COPY film FROM '/data/film.csv' WITH (FORMAT csv);",
    good: "\\copy film FROM 'film.csv' WITH (FORMAT csv)",
  },
  kinds: ["CopyStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (!n.filename && !n.is_program) return;
    const where = n.is_program ? `PROGRAM '${n.filename}'` : `'${n.filename}'`;
    report({
      message: `COPY ${n.is_from ? "FROM" : "TO"} ${where} needs server file access; use \\copy or COPY … STDIN`,
      object: n.relation ? relObject(builder, n.relation) : undefined,
    });
  },
});
