import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./foreign-key-added-later";

const SQL =
  "CREATE TABLE customer (id int PRIMARY KEY);\nCREATE TABLE rental (id int PRIMARY KEY, customer_id int);\nALTER TABLE ONLY public.rental\n    ADD CONSTRAINT rental_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customer(id);";

describe("foreign-key-added-later", () => {
  it("flags pg_dump's ADD FOREIGN KEY without NOT VALID, at the constraint", async () => {
    const found = await findingsOf(rule, SQL);
    expect(found).toHaveLength(1);
    expect([found[0].line, found[0].column, found[0].object.name]).toEqual([4, 9, "rental.rental_customer_id_fkey"]);
    expect(found[0].message).toContain("without NOT VALID");
    expect(found[0].fix).toBe("auto");
  });

  it("accepts NOT VALID, inline foreign keys, and is silent before DSQL had foreign keys", async () => {
    const ok =
      "CREATE TABLE c (id int PRIMARY KEY, p int REFERENCES customer);\nALTER TABLE c ADD CONSTRAINT c_p_fk FOREIGN KEY (p) REFERENCES customer (id) NOT VALID;\nALTER TABLE ASYNC c VALIDATE CONSTRAINT c_p_fk;";
    expect(await findingsOf(rule, ok)).toEqual([]);
    expect(await findingsOf(rule, SQL, "2026-08-01")).toEqual([]);
  });
});
