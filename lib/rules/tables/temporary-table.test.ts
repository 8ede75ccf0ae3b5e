import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./temporary-table";

describe("temporary-table", () => {
  it("flags CREATE TEMP TABLE, CREATE TEMPORARY TABLE AS and SELECT INTO TEMP", async () => {
    const sql =
      "CREATE TEMP TABLE staging (id bigint) ON COMMIT DROP;\nCREATE TEMPORARY TABLE recent AS SELECT 1 AS id;\nSELECT 1 AS id INTO TEMP scratch;";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "staging"],
      [2, "recent"],
      [3, "scratch"],
    ]);
    expect(found[0].message).toBe("temporary table staging is not supported on DSQL");
  });

  it("accepts permanent tables, even named temp", async () => {
    expect(await findingsOf(rule, "CREATE TABLE temp (id int PRIMARY KEY);\nCREATE TABLE temp_staging (id int PRIMARY KEY);")).toEqual([]);
  });
});
