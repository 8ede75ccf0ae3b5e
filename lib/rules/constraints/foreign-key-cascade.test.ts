import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./foreign-key-cascade";

const SQL = [
  "CREATE TABLE customer (id int PRIMARY KEY);",
  "CREATE TABLE rental (id int PRIMARY KEY, customer_id int REFERENCES customer ON DELETE CASCADE);",
  "ALTER TABLE rental ADD CONSTRAINT rental_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id) ON UPDATE SET NULL ON DELETE SET DEFAULT NOT VALID;",
].join("\n");

describe("foreign-key-cascade", () => {
  it("flags cascading and SET NULL/DEFAULT actions once DSQL has foreign keys", async () => {
    const found = await findingsOf(rule, SQL);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "rental.fk to customer"],
      [3, "rental.rental_customer_fk"],
    ]);
    expect(found[0].message).toContain("ON DELETE CASCADE");
    expect(found[1].message).toContain("ON DELETE SET DEFAULT and ON UPDATE SET NULL");
    expect(found[0].severity).toBe("warning");
  });

  it("accepts NO ACTION/RESTRICT, and says nothing before foreign keys existed (foreign-key covers that)", async () => {
    expect(
      await findingsOf(
        rule,
        "CREATE TABLE c (id int PRIMARY KEY, p int REFERENCES p ON DELETE RESTRICT ON UPDATE NO ACTION, note text DEFAULT 'ON DELETE CASCADE');",
      ),
    ).toEqual([]);
    expect(await findingsOf(rule, SQL, "2026-08-25")).toEqual([]);
  });
});
