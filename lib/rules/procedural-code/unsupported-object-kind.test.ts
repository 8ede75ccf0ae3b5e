import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./unsupported-object-kind";

const BAD =
  "CREATE AGGREGATE public.group_concat(text) (SFUNC = _gc, STYPE = text);\nALTER AGGREGATE public.group_concat(text) OWNER TO postgres;\nCREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = f);\nCREATE CAST (int AS text) WITH FUNCTION f(int);\nCREATE TEXT SEARCH CONFIGURATION c (PARSER = default);\nDROP AGGREGATE group_concat(text);";

describe("unsupported-object-kind", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "group_concat"],
      [2, "group_concat"],
      [3, "==="],
      [4, ""],
      [5, "c"],
      [6, "group_concat"],
    ]);
    expect(found[0].message).toContain("CREATE AGGREGATE public.group_concat");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(
      await findingsOf(
        rule,
        "CREATE FUNCTION group_concat(a text) RETURNS text RETURN a;\nALTER FUNCTION group_concat(text) OWNER TO postgres;\nCREATE COLLATION german (locale = 'de_DE');\nCREATE TYPE t AS ENUM ('a');",
      ),
    ).toEqual([]);
  });
});
