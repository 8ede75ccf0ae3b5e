import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./monotonic-index-key";

describe("monotonic-index-key", () => {
  it("flags secondary indexes and unique constraints led by a timestamp or sequence column", async () => {
    const sql = [
      "CREATE TABLE rental (id uuid PRIMARY KEY, rental_date timestamptz, customer_id uuid, ticket bigint GENERATED ALWAYS AS IDENTITY (CACHE 65536), UNIQUE (ticket));",
      "CREATE INDEX ASYNC rental_date_idx ON rental (rental_date, customer_id);",
    ].join("\n");
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name]).sort()).toEqual([
      [1, "rental.ticket"],
      [2, "rental_date_idx"],
    ]);
    expect(found.find((f) => f.line === 2)!.message).toContain("led by rental_date, a timestamptz column");
  });

  it("accepts indexes led by distributed columns, with a timestamp second", async () => {
    const sql =
      "CREATE TABLE rental (id uuid PRIMARY KEY, rental_date timestamptz, customer_id uuid, created_by text);\nCREATE INDEX ASYNC r ON rental (customer_id, rental_date);\nCREATE INDEX ASYNC r2 ON rental (created_by);";
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
