import { constValue, defElems, strings } from "@/lib/ingest/ast";
import { CAPABILITIES, isSupported } from "../core/capabilities";
import { namedObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** Procedure languages DSQL runs once PL/pgSQL is supported. */
const SUPPORTED_LANGUAGES = new Set(["sql", "plpgsql"]);

export default defineRule({
  id: "procedure",
  title: "Stored procedure or CALL of one",
  severity: "blocker",
  category: "procedural-code",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.PLPGSQL,
  why: "Before PL/pgSQL support (documented by 2026-11-24; AWS has not published a launch date) DSQL rejects CREATE PROCEDURE (`PROCEDURE is not supported`) and CALL works only for system procedures such as sys.wait_for_job. After it, procedures in LANGUAGE sql or plpgsql run (and may COMMIT/ROLLBACK at the top level); procedures in any other language, and CALLs of them, stay unsupported.",
  fix: "For an earlier target or another language: turn the procedure into a SQL function when it is a single query, otherwise move it into application code; replace CALL with a function call or the application logic.",
  catalogRows: [66],
  example: {
    bad: "CREATE PROCEDURE archive_rentals() LANGUAGE plpython3u AS $$ plpy.execute('DELETE FROM rental') $$; CALL archive_rentals();",
    good: "-- run the DELETE from the application in batches of ≤ 3,000 rows",
  },
  kinds: ["CreateFunctionStmt", "CallStmt"],
  checkStatement({ stmt, builder, report, targetDate, model }) {
    const n = stmt.node;
    const supported = isSupported(CAPABILITIES.plpgsql, targetDate);
    if (stmt.kind === "CreateFunctionStmt") {
      if (!n.is_procedure) return;
      const obj = namedObject(builder, strings(n.funcname), "procedure");
      if (!supported) {
        report({ message: `procedure ${obj.name} is not supported`, object: obj });
        return;
      }
      const lang = defElems(n.options).get("language");
      const language = String(constValue(lang?.arg) ?? "sql").toLowerCase();
      if (!SUPPORTED_LANGUAGES.has(language))
        report({
          message: `procedure ${obj.name} is written in ${language}; DSQL only runs LANGUAGE sql and plpgsql procedures`,
          location: lang?.location,
          object: obj,
        });
      return;
    }
    const parts = strings(n.funccall?.funcname);
    if (parts.length > 1 && parts[0].toLowerCase() === "sys") return;
    const obj = namedObject(builder, parts, "procedure");
    if (!supported) {
      report({
        message: `CALL ${parts.join(".")}() calls a user procedure; DSQL only has system procedures`,
        location: n.funccall?.location,
        object: obj,
      });
      return;
    }
    // Same object as the procedure's own finding, so the CALL groups under it.
    const target = model.routines.find(
      (r) => r.kind === "procedure" && r.name === obj.name && (obj.schema === undefined || r.schema === obj.schema),
    );
    if (target && !SUPPORTED_LANGUAGES.has(target.language))
      report({
        message: `CALL ${parts.join(".")}() calls procedure ${target.name}, written in ${target.language}, which DSQL cannot run`,
        location: n.funccall?.location,
        object: obj,
      });
  },
});
