import { astLocation, routineBodyOf } from "@/lib/ingest/routine-body";
import { CAPABILITIES } from "../core/capabilities";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "exception-block",
  title: "PL/pgSQL EXCEPTION block (subtransaction)",
  severity: "warning",
  category: "procedural-code",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.PLPGSQL,
  why: "PostgreSQL runs a BEGIN … EXCEPTION block as a subtransaction (an implicit savepoint rolled back when a handler catches an error). DSQL has no SAVEPOINT and AWS does not document how EXCEPTION blocks behave there: whether the block's changes are undone when the handler runs is unverified.",
  fix: "Verify on a DSQL test cluster that the handler sees the block's writes undone; otherwise check before writing (IF EXISTS …) instead of catching the error, or let the error abort the transaction and retry from the application.",
  catalogRows: [64, 85],
  appliesFrom: CAPABILITIES.plpgsql,
  example: {
    bad: "CREATE FUNCTION add_tag(t text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tags VALUES (t); EXCEPTION WHEN unique_violation THEN NULL; END $$;",
    good: "CREATE FUNCTION add_tag(t text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN INSERT INTO tags VALUES (t) ON CONFLICT DO NOTHING; END $$;",
  },
  kinds: ["CreateFunctionStmt", "DoStmt"],
  checkStatement({ stmt, report }) {
    for (const block of routineBodyOf(stmt)?.exceptionBlocks ?? []) {
      report({
        message:
          "EXCEPTION block: PostgreSQL runs it as a subtransaction, DSQL has no SAVEPOINT and does not document its behaviour — verify on DSQL",
        location: astLocation(stmt, block.offset),
      });
    }
  },
});
