import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./do-block";

const BAD = "SELECT 1;\nDO $$ BEGIN PERFORM 1; END $$;";

describe("do-block", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([[2, ""]]);
    expect(found[0].message).toContain("DO block (plpgsql)");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "SELECT 'DO $$ BEGIN END $$';\nCREATE TABLE do_block (id int);")).toEqual([]);
  });
});
