import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./set-not-null";

describe("set-not-null", () => {
  it("flags ALTER COLUMN … SET NOT NULL", async () => {
    const found = await findingsOf(
      rule,
      "CREATE TABLE customer (id int PRIMARY KEY, email text);\nALTER TABLE customer ALTER COLUMN email SET NOT NULL;",
    );
    expect(found).toHaveLength(1);
    expect([found[0].line, found[0].object.name]).toEqual([2, "customer.email"]);
    expect(found[0].message).toContain("SET NOT NULL on public.customer.email");
  });

  it("accepts DROP NOT NULL, NOT NULL in CREATE TABLE and a NOT VALID check", async () => {
    expect(
      await findingsOf(
        rule,
        "CREATE TABLE c (id int PRIMARY KEY, e text NOT NULL);\nALTER TABLE c ALTER COLUMN e DROP NOT NULL;\nALTER TABLE c ADD CONSTRAINT e_nn CHECK (e IS NOT NULL) NOT VALID;",
      ),
    ).toEqual([]);
  });
});
