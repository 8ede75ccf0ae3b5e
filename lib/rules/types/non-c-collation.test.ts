import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./non-c-collation";

describe("non-c-collation", () => {
  it("flags column, ALTER COLUMN, domain, expression collations and CREATE COLLATION", async () => {
    const sql = [
      'CREATE TABLE public.customer (id uuid PRIMARY KEY, name text COLLATE "de_DE" NOT NULL);',
      'ALTER TABLE customer ALTER COLUMN name TYPE text COLLATE "en_US";',
      'CREATE DOMAIN ci_text AS text COLLATE "und-x-icu";',
      "CREATE COLLATION german (provider = icu, locale = 'de');",
      'CREATE VIEW v AS SELECT name FROM customer ORDER BY name COLLATE "fr_FR";',
    ].join("\n");
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "customer.name"],
      [2, "customer.name"],
      [3, "ci_text"],
      [4, "german"],
      [5, "v"],
    ]);
    expect(found[0].message).toContain('"de_DE"');
    expect(found[0].column).toBeGreaterThan(40);
  });

  it("accepts C, POSIX and default collations, and index key collations (another rule)", async () => {
    const sql =
      'CREATE TABLE t (a text COLLATE "C", b text COLLATE pg_catalog."default", c text COLLATE "POSIX", collate_name text);\nCREATE INDEX ASYNC t_a ON t (a COLLATE "de_DE");\nSELECT a FROM t ORDER BY a COLLATE "C";';
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
