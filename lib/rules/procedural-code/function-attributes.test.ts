import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./function-attributes";

const BAD = "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql IMMUTABLE LEAKPROOF RETURN a;\nALTER FUNCTION f(int) STABLE;";

describe("function-attributes", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "f"],
      [2, "f"],
    ]);
    expect(found[0].message).toContain("LEAKPROOF");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(
      await findingsOf(
        rule,
        "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql IMMUTABLE NOT LEAKPROOF RETURN a;\nALTER FUNCTION f(int) OWNER TO app;\nALTER FUNCTION f(int) RENAME TO g;",
      ),
    ).toEqual([]);
  });
});
