import { CAPABILITIES } from "../core/capabilities";
import { callSites } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

export default defineRule({
  id: "lastval",
  title: "lastval() has transaction scope in DSQL",
  severity: "warning",
  category: "keys-and-identity",
  fixKind: "manual",
  effort: "simple",
  docsUrl: SOURCES.SEQUENCE_FUNCTIONS,
  why: "In PostgreSQL lastval() returns the last nextval() of the session; DSQL documents it as the last value in the current transaction (and AWS Labs guidance says it is not supported at all). Code that calls it after a commit breaks.",
  fix: "Use `INSERT … RETURNING id`, or currval('sequence_name') inside the same transaction.",
  appliesFrom: CAPABILITIES.sequences,
  catalogRows: [53],
  example: {
    bad: "INSERT INTO orders (item) VALUES ('x'); SELECT lastval();",
    good: "INSERT INTO orders (item) VALUES ('x') RETURNING id;",
  },
  kinds: ["SelectStmt", "InsertStmt", "UpdateStmt", "DeleteStmt", "ViewStmt", "CreateFunctionStmt", "DoStmt"],
  checkStatement(ctx) {
    for (const call of callSites(ctx, (name) => name === "lastval")) {
      ctx.report({
        message: "lastval() returns the last value of the current transaction in DSQL, not of the session",
        location: call.location,
      });
    }
  },
});
