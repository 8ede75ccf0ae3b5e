import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "cursor",
  title: "SQL cursors (DECLARE / FETCH / MOVE / CLOSE)",
  severity: "blocker",
  category: "workload",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.SYSTEM_TABLES,
  why: "DSQL does not support SQL-level cursors (`DECLARE CURSOR is not supported`); FETCH, MOVE and CLOSE go with them. Long cursors would also hit the 5-minute transaction limit.",
  fix: "Page with keyset pagination (`WHERE id > $last ORDER BY id LIMIT n`), each page in its own short transaction.",
  catalogRows: [97],
  example: {
    bad: "DECLARE c CURSOR FOR SELECT * FROM rental; FETCH 100 FROM c;",
    good: "SELECT * FROM rental WHERE rental_id > $1 ORDER BY rental_id LIMIT 100;",
  },
  kinds: ["DeclareCursorStmt", "FetchStmt", "ClosePortalStmt"],
  checkStatement({ stmt, report }) {
    const n = stmt.node;
    const verb =
      stmt.kind === "DeclareCursorStmt" ? "DECLARE … CURSOR" : stmt.kind === "FetchStmt" ? (n.ismove ? "MOVE" : "FETCH") : "CLOSE";
    report({
      message: `${verb} ${n.portalname ?? "ALL"} is not supported (no SQL cursors)`,
      object: { kind: "cursor", name: n.portalname ?? "" },
    });
  },
});
