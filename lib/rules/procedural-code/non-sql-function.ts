import { constValue, defElems, strings } from "@/lib/ingest/ast";
import { namedObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "non-sql-function",
  title: "Function in PL/pgSQL or another non-SQL language",
  severity: "blocker",
  category: "procedural-code",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.CREATE_FUNCTION,
  why: "DSQL functions must be LANGUAGE sql (`CREATE FUNCTION with language plpgsql not supported`). PL/pgSQL, PL/Python, PL/v8 and C functions have to be rewritten or moved out of the database.",
  fix: "Rewrite as a SQL function (`RETURN expr` or `BEGIN ATOMIC … END`) when the logic is a query; move control flow, loops and dynamic SQL into application code or AWS Lambda.",
  catalogRows: [64],
  example: {
    bad: "CREATE FUNCTION inventory_in_stock(id int) RETURNS boolean LANGUAGE plpgsql AS $$ BEGIN RETURN EXISTS (SELECT 1 FROM inventory WHERE inventory_id = id); END $$;",
    good: "CREATE FUNCTION inventory_in_stock(id int) RETURNS boolean LANGUAGE sql RETURN EXISTS (SELECT 1 FROM inventory WHERE inventory_id = id);",
  },
  kinds: ["CreateFunctionStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (n.is_procedure || n.sql_body) return; // procedures: see `procedure`; BEGIN ATOMIC bodies are SQL
    const lang = defElems(n.options).get("language");
    const language = String(constValue(lang?.arg) ?? "sql").toLowerCase();
    if (language === "sql") return;
    const obj = namedObject(builder, strings(n.funcname), "function");
    report({ message: `function ${obj.name} is written in ${language}; DSQL only runs LANGUAGE sql functions`, location: lang?.location, object: obj });
  },
});
