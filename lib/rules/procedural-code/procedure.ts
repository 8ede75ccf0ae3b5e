import { strings } from "@/lib/ingest/ast";
import { namedObject } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "procedure",
  title: "Stored procedure or CALL of one",
  severity: "blocker",
  category: "procedural-code",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.CREATE_FUNCTION,
  why: "DSQL rejects CREATE PROCEDURE (`PROCEDURE is not supported`); CALL works only for system procedures such as sys.wait_for_job.",
  fix: "Turn the procedure into a SQL function when it is a single query, otherwise move it into application code; replace CALL with a function call or the application logic.",
  catalogRows: [66],
  example: {
    bad: "CREATE PROCEDURE archive_rentals() LANGUAGE sql AS $$ DELETE FROM rental WHERE return_date < now() - interval '1 year' $$; CALL archive_rentals();",
    good: "-- run the DELETE from the application in batches of ≤ 3,000 rows",
  },
  kinds: ["CreateFunctionStmt", "CallStmt"],
  checkStatement({ stmt, builder, report }) {
    const n = stmt.node;
    if (stmt.kind === "CreateFunctionStmt") {
      if (!n.is_procedure) return;
      const obj = namedObject(builder, strings(n.funcname), "procedure");
      report({ message: `procedure ${obj.name} is not supported`, object: obj });
      return;
    }
    const parts = strings(n.funccall?.funcname);
    if (parts.length > 1 && parts[0].toLowerCase() === "sys") return;
    report({ message: `CALL ${parts.join(".")}() calls a user procedure; DSQL only has system procedures`, location: n.funccall?.location, object: namedObject(builder, parts, "procedure") });
  },
});
