import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./lastval";

describe("lastval", () => {
  it("flags lastval() in queries and SQL function bodies", async () => {
    const found = await findingsOf(rule, "SELECT lastval();\nCREATE FUNCTION f() RETURNS bigint LANGUAGE sql AS $$ SELECT lastval() $$;");
    expect(found.map((f) => f.line)).toEqual([1, 2]);
    expect(found[0].severity).toBe("warning");
    expect(found[0].message).toContain("current transaction");
  });

  it("ignores currval, strings and columns named lastval", async () => {
    expect(await findingsOf(rule, "SELECT currval('s'), 'lastval()' AS x, lastval FROM t;")).toEqual([]);
  });
});
