import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./partitioned-table";

describe("partitioned-table", () => {
  it("flags the partitioned parent, PARTITION OF children and ATTACH/DETACH", async () => {
    const sql = [
      "CREATE TABLE payment (id int, paid_at timestamptz) PARTITION BY RANGE (paid_at);",
      "CREATE TABLE payment_2022 PARTITION OF payment FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');",
      "CREATE TABLE payment_2023 (id int, paid_at timestamptz);",
      "ALTER TABLE ONLY payment ATTACH PARTITION payment_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');",
      "ALTER TABLE payment DETACH PARTITION payment_2022;",
    ].join("\n");
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "payment"],
      [2, "payment_2022"],
      [4, "payment_2023"],
      [5, "payment_2022"],
    ]);
    expect(found[0].message).toContain("PARTITION BY RANGE");
    expect(found[1].message).toContain("partition of public.payment");
    expect(found[2].message).toContain("ATTACH PARTITION public.payment_2023");
  });

  it("accepts flat tables and a column called partition_key", async () => {
    expect(
      await findingsOf(
        rule,
        "CREATE TABLE payment (id int PRIMARY KEY, partition_key int);\nCREATE INDEX ASYNC p ON payment (partition_key);",
      ),
    ).toEqual([]);
  });
});
