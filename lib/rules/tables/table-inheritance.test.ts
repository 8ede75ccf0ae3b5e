import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./table-inheritance";

describe("table-inheritance", () => {
  it("flags INHERITS", async () => {
    const found = await findingsOf(
      rule,
      "CREATE TABLE employee (id int PRIMARY KEY, name text);\nCREATE TABLE manager (bonus numeric)\n  INHERITS (employee);",
    );
    expect(found).toHaveLength(1);
    expect([found[0].line, found[0].object.name]).toEqual([3, "manager"]);
    expect(found[0].message).toContain("INHERITS from public.employee");
  });

  it("leaves PARTITION OF to partitioned-table and LIKE alone", async () => {
    const sql =
      "CREATE TABLE p (id int) PARTITION BY LIST (id);\nCREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);\nCREATE TABLE copy (LIKE p INCLUDING ALL);";
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
