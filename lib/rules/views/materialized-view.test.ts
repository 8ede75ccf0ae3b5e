import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./materialized-view";

const BAD = "CREATE MATERIALIZED VIEW public.m AS SELECT 1;\nREFRESH MATERIALIZED VIEW m;\nDROP MATERIALIZED VIEW m;";

describe("materialized-view", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "m"],
      [2, "m"],
      [3, "m"],
    ]);
    expect(found[0].message).toContain("materialized view m");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "CREATE VIEW m AS SELECT 1;\nDROP VIEW m;\nCREATE TABLE t AS SELECT 1;")).toEqual([]);
  });
});
