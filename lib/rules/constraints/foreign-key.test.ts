import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./foreign-key";

const SQL = `CREATE TABLE customer (id int PRIMARY KEY);
CREATE TABLE rental (id int PRIMARY KEY, customer_id int REFERENCES customer (id));
ALTER TABLE ONLY rental ADD CONSTRAINT rental_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id);`;

describe("foreign-key", () => {
  it("flags inline and added foreign keys before DSQL supported them", async () => {
    const found = await findingsOf(rule, SQL, "2026-08-25");
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "rental.customer"],
      [3, "rental.rental_customer_fk"],
    ]);
    expect(found[0].message).toMatch(/not supported before 2026-08-26/);
    expect(found[0].column).toBe(58); // the REFERENCES clause
  });

  it("disappears from 2026-08-26, when DSQL added foreign keys", async () => {
    expect(await findingsOf(rule, SQL, "2026-08-26")).toEqual([]);
  });

  it("ignores a column merely named like a reference", async () => {
    expect(await findingsOf(rule, "CREATE TABLE t (id int PRIMARY KEY, references_count int, fk text);", "2026-01-01")).toEqual([]);
  });
});
