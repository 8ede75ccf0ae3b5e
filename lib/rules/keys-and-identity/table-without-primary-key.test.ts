import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./table-without-primary-key";

describe("table-without-primary-key", () => {
  it("flags a table that never gets a primary key, at its CREATE TABLE", async () => {
    const found = await findingsOf(
      rule,
      "CREATE TABLE ok (id int);\nCREATE TABLE log (at timestamptz, what text);\nALTER TABLE ONLY ok ADD CONSTRAINT ok_pkey PRIMARY KEY (id);",
    );
    expect(found.map((f) => [f.line, f.object.name])).toEqual([[2, "log"]]);
    expect(found[0].message).toMatch(/cannot add one after creation/);
  });

  it("does not flag partitions, whose key comes from the parent, or tables with a key", async () => {
    expect(
      await findingsOf(
        rule,
        "CREATE TABLE p (id int, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);\nCREATE TABLE p1 PARTITION OF p FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\nCREATE TABLE k (id int PRIMARY KEY);",
      ),
    ).toEqual([]);
  });
});
