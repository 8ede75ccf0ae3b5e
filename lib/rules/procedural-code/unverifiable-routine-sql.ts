import { astLocation, routineBodyOf } from "@/lib/ingest/routine-body";
import { CAPABILITIES } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

/** SQL inside a routine body that cannot be checked before it runs: dynamic EXECUTE, or text that does not parse. */
export default defineRule({
  id: "unverifiable-routine-sql",
  title: "Routine SQL that cannot be verified before it runs",
  severity: "warning",
  category: "procedural-code",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.PLPGSQL,
  why: "PL/pgSQL checks only syntax when a routine is created; the SQL it runs meets DSQL when the routine is called. EXECUTE of a string built at run time (concatenation, format() with %s, a variable) cannot be checked from the schema, nor can a body that does not parse. A statement DSQL rejects then fails in production, at call time.",
  fix: "Read the SQL the routine builds and check it against DSQL's rules, or make its shape static: EXECUTE format() with %I / %L placeholders (checked here) instead of concatenation; run the routine's paths on a DSQL test cluster.",
  catalogRows: [64, 65],
  appliesFrom: CAPABILITIES.plpgsql,
  example: {
    bad: "CREATE FUNCTION purge(tab text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE 'DELETE FROM ' || tab; END $$;",
    good: "CREATE FUNCTION purge(tab text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE format('DELETE FROM %I', tab); END $$;",
  },
  kinds: ["CreateFunctionStmt", "DoStmt"],
  checkStatement({ stmt, report }) {
    const body = routineBodyOf(stmt);
    if (!body) return;
    if (!body.parsed && (body.language === "plpgsql" || body.language === "sql")) {
      report({ message: `cannot verify the ${body.language} body: ${body.error ?? "it does not parse"}` });
      return;
    }
    for (const u of body.unresolved) {
      const expr = u.expression.length > 120 ? `${u.expression.slice(0, 120)} …` : u.expression;
      report({
        message:
          u.reason === "dynamic"
            ? `cannot verify EXECUTE ${expr}: its SQL text is built at run time`
            : `cannot verify ${expr}: the statement does not parse`,
        location: astLocation(stmt, u.offset),
      });
    }
  },
});
