import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./counter-style-table";

describe("counter-style-table", () => {
  it("flags narrow tables with running-total columns", async () => {
    const f = await findingsOf(rule, "CREATE TABLE page_views (page_id bigint PRIMARY KEY, views bigint NOT NULL DEFAULT 0);");
    expect(f).toHaveLength(1);
    expect(f[0].object).toMatchObject({ kind: "table", name: "page_views" });
    expect(f[0].severity).toBe("advice");
  });
  it("ignores wide tables and non-numeric columns", async () => {
    expect(await findingsOf(rule, "CREATE TABLE t (id bigint PRIMARY KEY, total text);")).toHaveLength(0);
    expect(await findingsOf(rule, "CREATE TABLE w (id bigint PRIMARY KEY, a int, b int, c int, d int, e int, count int);")).toHaveLength(0);
    expect(await findingsOf(rule, "CREATE TABLE k (count int PRIMARY KEY);")).toHaveLength(0);
    // Line items carry a quantity written once at insert (Chinook's invoice_line), not a counter.
    expect(
      await findingsOf(
        rule,
        "CREATE TABLE invoice_line (id int PRIMARY KEY, invoice_id int, track_id int, unit_price numeric(10,2), quantity int);",
      ),
    ).toHaveLength(0);
  });
});
