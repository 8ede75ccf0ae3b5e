import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./procedure";

const BAD = "CREATE PROCEDURE archive() LANGUAGE sql AS $$ DELETE FROM t $$;\nCALL archive();";

describe("procedure", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([[1, "archive"], [2, "archive"]]);
    expect(found[0].message).toContain("procedure archive");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "CALL sys.wait_for_job('abc');\nCREATE FUNCTION procedure() RETURNS int RETURN 1;")).toEqual([]);
  });
});
