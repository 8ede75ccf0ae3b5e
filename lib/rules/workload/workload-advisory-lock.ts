import { SOURCES } from "../core/sources";
import { defineWorkloadRule } from "../core/workload-rule";

const ADVISORY = /^pg_(try_)?advisory_(xact_)?(lock|unlock)(_shared)?(_all)?$/;

export default defineWorkloadRule({
  id: "workload-advisory-lock",
  title: "Advisory locks",
  severity: "blocker",
  effort: "significant",
  docsUrl: SOURCES.CONCURRENCY,
  why: "DSQL has no advisory locks (`function pg_try_advisory_lock not supported`). Job schedulers and migration tools use them for mutual exclusion.",
  fix: "Use a lock row updated with retry on 40001, a conditional write in DynamoDB, or an external lock service.",
  catalogRows: [90],
  example: {
    bad: "SELECT pg_try_advisory_lock(42);",
    good: "UPDATE locks SET owner = $1 WHERE name = 'job' AND owner IS NULL; -- retry on 40001",
  },
  match: (s) => {
    const f = s.functions.find((x) => ADVISORY.test(x));
    return f ? `the application calls ${f}()` : undefined;
  },
});
