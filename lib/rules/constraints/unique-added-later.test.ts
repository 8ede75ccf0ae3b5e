import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./unique-added-later";

const SQL =
  "CREATE TABLE customer (id int PRIMARY KEY, email text);\nALTER TABLE ONLY customer\n    ADD CONSTRAINT customer_email_key UNIQUE (email);\nALTER TABLE customer ADD CONSTRAINT customer_email_uk UNIQUE USING INDEX customer_email_idx;";

describe("unique-added-later", () => {
  it("flags ADD CONSTRAINT … UNIQUE (cols) and proposes an async index + USING INDEX", async () => {
    const found = await findingsOf(rule, SQL);
    expect(found).toHaveLength(1);
    expect([found[0].line, found[0].column, found[0].object.name]).toEqual([3, 9, "customer.customer_email_key"]);
    expect(found[0].message).toContain("UNIQUE USING INDEX");
  });

  it("before 2026-04-20 flags USING INDEX too and proposes CREATE TABLE", async () => {
    const found = await findingsOf(rule, SQL, "2026-04-01");
    expect(found.map((f) => f.line)).toEqual([3, 4]);
    expect(found[0].message).toContain("declare it inside CREATE TABLE");
  });

  it("accepts UNIQUE inside CREATE TABLE", async () => {
    expect(
      await findingsOf(rule, "CREATE TABLE t (id int PRIMARY KEY, code text UNIQUE, CONSTRAINT t_name UNIQUE NULLS NOT DISTINCT (code));"),
    ).toEqual([]);
  });
});
