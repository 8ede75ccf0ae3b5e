import { constValue, defElems, strings } from "@/lib/ingest/ast";
import { CAPABILITIES, isSupported } from "../core/capabilities";
import { namedObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "non-sql-function",
  title: "Function in a language DSQL cannot run",
  severity: "blocker",
  category: "procedural-code",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.CREATE_FUNCTION,
  why: "DSQL runs LANGUAGE sql functions and, since PL/pgSQL support (documented by 2026-11-24; AWS has not published a launch date), LANGUAGE plpgsql ones. PL/Python, PL/v8, PL/Perl and C functions have to be rewritten or moved out of the database; for an earlier target date PL/pgSQL is rejected too (`CREATE FUNCTION with language plpgsql not supported`).",
  fix: "Rewrite as a SQL function (`RETURN expr` or `BEGIN ATOMIC … END`) when the logic is a query; move control flow, loops and dynamic SQL into application code or AWS Lambda.",
  catalogRows: [64],
  example: {
    bad: "CREATE FUNCTION inventory_in_stock(id int) RETURNS boolean LANGUAGE plpython3u AS $$ return plpy.execute('SELECT 1').nrows() > 0 $$;",
    good: "CREATE FUNCTION inventory_in_stock(id int) RETURNS boolean LANGUAGE sql RETURN EXISTS (SELECT 1 FROM inventory WHERE inventory_id = id);",
  },
  kinds: ["CreateFunctionStmt"],
  checkStatement({ stmt, builder, report, targetDate }) {
    const n = stmt.node;
    if (n.is_procedure || n.sql_body) return; // procedures: see `procedure`; BEGIN ATOMIC bodies are SQL
    const lang = defElems(n.options).get("language");
    const language = String(constValue(lang?.arg) ?? "sql").toLowerCase();
    if (language === "sql") return;
    const supported = isSupported(CAPABILITIES.plpgsql, targetDate);
    if (language === "plpgsql" && supported) return; // its body is analysed instead
    const obj = namedObject(builder, strings(n.funcname), "function");
    report({
      message: `function ${obj.name} is written in ${language}; DSQL only runs LANGUAGE sql${supported ? " and plpgsql" : ""} functions`,
      location: lang?.location,
      object: obj,
    });
  },
});
