import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./expression-index";

const SQL = "CREATE TABLE customer (id int PRIMARY KEY, email text);\nCREATE INDEX ASYNC e ON customer (lower(email));";

describe("expression-index", () => {
  it("flags expression keys before 2026-08-13", async () => {
    const found = await findingsOf(rule, SQL, "2026-08-12");
    expect(found).toHaveLength(1);
    expect(found[0].line).toBe(2);
    expect(found[0].column).toBe(35);
    expect(found[0].object.name).toBe("e");
    expect(found[0].message).toContain("expression key");
  });

  it("is silent from 2026-08-13 and for plain columns", async () => {
    expect(await findingsOf(rule, SQL, "2026-08-13")).toEqual([]);
    expect(await findingsOf(rule, "CREATE INDEX ASYNC e ON customer (email);", "2026-01-01")).toEqual([]);
  });
});
