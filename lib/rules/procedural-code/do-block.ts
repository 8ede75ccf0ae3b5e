import { constValue, defElems } from "@/lib/ingest/ast";
import { CAPABILITIES, isSupported } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "do-block",
  title: "DO anonymous block",
  severity: "blocker",
  category: "procedural-code",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.PLPGSQL,
  why: "Before PL/pgSQL support (documented by 2026-11-24; AWS has not published a launch date) DSQL rejects DO blocks; DO blocks in any language other than plpgsql stay unsupported. Migration scripts often wrap conditional DDL in DO $$ … $$. Once supported, the SQL inside the block is analysed like any other statement.",
  fix: "For an earlier target, move the logic into the migration tool or application (e.g. check the catalog, then run plain SQL), or express it as plain statements.",
  catalogRows: [65],
  example: {
    bad: "DO LANGUAGE plpython3u $$ plpy.execute('CREATE ROLE app') $$;",
    good: "-- in the migration tool: query pg_roles, then run CREATE ROLE app;",
  },
  kinds: ["DoStmt"],
  checkStatement({ stmt, report, targetDate }) {
    const language = String(constValue(defElems(stmt.node.args).get("language")?.arg) ?? "plpgsql");
    if (language.toLowerCase() === "plpgsql" && isSupported(CAPABILITIES.plpgsql, targetDate)) return;
    report({ message: `DO block (${language}) is not supported` });
  },
});
