import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./primary-key-change";

describe("primary-key-change", () => {
  it("flags dropping the primary key, PRIMARY KEY USING INDEX and dropping a key column", async () => {
    const sql = [
      "CREATE TABLE rental (rental_id int, inventory_id int, note text, CONSTRAINT rental_pkey PRIMARY KEY (rental_id, inventory_id));",
      "ALTER TABLE rental DROP COLUMN inventory_id;",
      "ALTER TABLE rental DROP CONSTRAINT rental_pkey;",
      "CREATE TABLE other (id int);",
      "ALTER TABLE other ADD CONSTRAINT other_pkey PRIMARY KEY USING INDEX other_id_idx;",
    ].join("\n");
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "rental.inventory_id"],
      [3, "rental.rental_pkey"],
      [5, "other.other_pkey"],
    ]);
    expect(found[1].message).toContain("the primary key of public.rental");
    expect(found[2].message).toContain("USING INDEX other_id_idx");
  });

  it("knows the primary key added later by pg_dump, and ignores other drops", async () => {
    const sql = [
      "CREATE TABLE t (id int NOT NULL, note text, code text);",
      "ALTER TABLE ONLY t ADD CONSTRAINT t_pkey PRIMARY KEY (id);",
      "ALTER TABLE t ADD CONSTRAINT t_code_key UNIQUE (code);",
      "ALTER TABLE t DROP CONSTRAINT t_code_key;",
      "ALTER TABLE t DROP COLUMN note;",
    ].join("\n");
    expect(await findingsOf(rule, sql)).toEqual([]);
    const dropped = await findingsOf(rule, sql + "\nALTER TABLE t DROP CONSTRAINT t_pkey;");
    expect(dropped.map((f) => f.line)).toEqual([6]);
  });
});
