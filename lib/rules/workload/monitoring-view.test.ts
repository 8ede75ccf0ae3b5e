import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./monitoring-view";

const BAD =
  "SELECT * FROM pg_stat_activity;\nCREATE VIEW slow AS SELECT query FROM public.pg_stat_statements;\nCREATE FUNCTION locks() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM pg_catalog.pg_locks';";

describe("monitoring-view", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    // Inside a routine body the finding belongs to the routine (what a person edits).
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "pg_stat_activity"],
      [2, "pg_stat_statements"],
      [3, "locks"],
    ]);
    expect(found[2].message).toBe("when function public.locks runs: pg_locks is not available in DSQL");
    expect(found[0].message).toContain("pg_stat_activity is not available");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(
      await findingsOf(
        rule,
        "SELECT * FROM pg_class;\nSELECT 'pg_stat_activity';\nCREATE TABLE pg_statistics_log (id int);\nSELECT * FROM pg_stats;",
      ),
    ).toEqual([]);
  });
});
