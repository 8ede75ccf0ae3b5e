import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./composite-type";

describe("composite-type", () => {
  it("flags composite types and columns using them", async () => {
    const found = await findingsOf(
      rule,
      "CREATE TYPE address AS (street text, city text);\nCREATE TABLE customer (id int PRIMARY KEY, addr address);",
    );
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "address"],
      [2, "customer.addr"],
    ]);
    expect(found[0].message).toContain("composite type address");
  });

  it("ignores enums and plain tables", async () => {
    expect(await findingsOf(rule, "CREATE TYPE e AS ENUM ('a');\nCREATE TABLE address (street text);\nCREATE TABLE c (e e);")).toEqual([]);
  });
});
