import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./range-or-base-type";

describe("range-or-base-type", () => {
  it("flags range, shell and base types and columns of them", async () => {
    const sql =
      "CREATE TYPE floatrange AS RANGE (subtype = float8);\nCREATE TYPE mytype;\nCREATE TYPE mytype (input = my_in, output = my_out);\nCREATE TABLE r (id int PRIMARY KEY, f floatrange);";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "floatrange"],
      [2, "mytype"],
      [3, "mytype"],
      [4, "r.f"],
    ]);
    expect(found[1].message).toContain("shell type");
    expect(found[2].message).toContain("base type");
  });

  it("ignores aggregates and enum types", async () => {
    expect(await findingsOf(rule, "CREATE TYPE e AS ENUM ('a');\nCREATE AGGREGATE a (int) (sfunc = f, stype = int);")).toEqual([]);
  });
});
