import { callSites } from "../core/compat-helpers";
import { SOURCES } from "../core/sources";
import { defineRule } from "../core/rule";

const ADVISORY = /^pg_(try_)?advisory_(xact_)?(lock|unlock)(_shared|_all)?$/;

export default defineRule({
  id: "advisory-lock",
  title: "Advisory locks",
  severity: "blocker",
  category: "transactions-and-locking",
  fixKind: "manual",
  effort: "medium",
  docsUrl: SOURCES.CONCURRENCY,
  why: "DSQL has no advisory locks (`function pg_try_advisory_lock not supported`). Migration tools, job schedulers and leader election built on them stop working.",
  fix: "Use a lock row updated with retry on 40001, a DynamoDB conditional write, or another external lock service.",
  catalogRows: [90],
  example: {
    bad: "SELECT pg_try_advisory_lock(42);",
    good: "UPDATE app_lock SET holder = $1, until = now() + interval '1 minute' WHERE name = 'job' AND until < now();",
  },
  kinds: ["SelectStmt", "InsertStmt", "UpdateStmt", "DeleteStmt", "ViewStmt", "CreateFunctionStmt", "DoStmt", "CallStmt"],
  checkStatement(ctx) {
    for (const call of callSites(ctx, (name) => ADVISORY.test(name))) {
      ctx.report({
        message: `${call.name}() is not supported (no advisory locks)${call.location === undefined ? " — called in the routine body" : ""}`,
        location: call.location,
      });
    }
  },
});
