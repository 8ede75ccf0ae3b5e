import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./unsupported-column-type";

describe("unsupported-column-type", () => {
  it("flags money, inet, tsvector, ranges and extension types in columns, ALTERs and domains", async () => {
    const sql = [
      "CREATE TABLE payment (id int PRIMARY KEY, amount money, ip inet, doc tsvector,",
      "  span tstzrange, email public.citext);",
      "ALTER TABLE payment ALTER COLUMN id TYPE oid;",
      "CREATE DOMAIN pos AS point;",
    ].join("\n");
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "payment.amount"],
      [1, "payment.ip"],
      [1, "payment.doc"],
      [2, "payment.span"],
      [2, "payment.email"],
      [3, "payment.id"],
      [4, "pos"],
    ]);
    expect(found[0].message).toContain("use numeric(19,4)");
    expect(found[0].evidence?.rewrite).toBe("auto");
    expect(found[2].evidence?.rewrite).toBe("manual");
  });

  it("ignores supported types, casts, names that merely look like types, and user types of the same name", async () => {
    const sql = [
      "CREATE TABLE t (id uuid PRIMARY KEY, money_amount numeric(19,4), inet_addr text, point text);",
      "SELECT '10.0.0.1'::inet, to_tsvector('x');",
      "CREATE TYPE point AS ENUM ('a');",
      "CREATE TABLE u (p point);",
    ].join("\n");
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
