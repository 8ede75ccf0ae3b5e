import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./index-sort-order";

describe("index-sort-order", () => {
  it("flags ASC and DESC keys", async () => {
    const found = await findingsOf(
      rule,
      "CREATE INDEX ASYNC r ON rental (rental_date DESC, id ASC);\n\nCREATE INDEX ASYNC q ON t (a DESC NULLS LAST);",
    );
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "r"],
      [3, "q"],
    ]);
    expect(found[0].message).toContain("rental_date DESC, id ASC");
  });

  it("accepts NULLS FIRST/LAST alone and ORDER BY … DESC in queries", async () => {
    expect(await findingsOf(rule, "CREATE INDEX ASYNC a ON t (x NULLS FIRST);\nSELECT * FROM t ORDER BY x DESC;")).toEqual([]);
  });
});
