import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./partial-index";

const SQL = "SELECT 1;\nCREATE UNIQUE INDEX ASYNC one_active ON customer (email) WHERE active;";

describe("partial-index", () => {
  it("flags WHERE predicates before 2026-09-15", async () => {
    const found = await findingsOf(rule, SQL, "2026-09-14");
    expect(found).toHaveLength(1);
    expect(found[0].line).toBe(2);
    expect(found[0].object.name).toBe("one_active");
    expect(found[0].message).toContain("unique index");
  });

  it("is silent from 2026-09-15 and for full indexes", async () => {
    expect(await findingsOf(rule, SQL, "2026-09-15")).toEqual([]);
    expect(await findingsOf(rule, "CREATE INDEX ASYNC a ON customer (active);", "2026-01-01")).toEqual([]);
  });
});
