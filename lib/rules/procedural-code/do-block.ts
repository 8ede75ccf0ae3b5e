import { constValue, defElems } from "@/lib/ingest/ast";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "do-block",
  title: "DO anonymous block",
  severity: "blocker",
  category: "procedural-code",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.MIG,
  why: "DO blocks run PL/pgSQL, which DSQL does not have. Migration scripts often wrap conditional DDL in DO $$ … $$.",
  fix: "Move the logic into the migration tool or application (e.g. check the catalog, then run plain SQL), or express it as plain statements.",
  catalogRows: [65],
  example: {
    bad: "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app') THEN CREATE ROLE app; END IF; END $$;",
    good: "-- in the migration tool: query pg_roles, then run CREATE ROLE app;",
  },
  kinds: ["DoStmt"],
  checkStatement({ stmt, report }) {
    const language = String(constValue(defElems(stmt.node.args).get("language")?.arg) ?? "plpgsql");
    report({ message: `DO block (${language}) is not supported` });
  },
});
