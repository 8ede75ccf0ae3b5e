import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./index-opclass";

describe("index-opclass", () => {
  it("flags operator classes on keys", async () => {
    const found = await findingsOf(
      rule,
      "CREATE TABLE customer (id int PRIMARY KEY, email text);\nCREATE INDEX ASYNC e ON customer (email text_pattern_ops);",
    );
    expect(found).toHaveLength(1);
    expect(found[0].line).toBe(2);
    expect(found[0].object.name).toBe("e");
    expect(found[0].message).toContain("text_pattern_ops");
  });

  it("accepts keys without an operator class", async () => {
    expect(await findingsOf(rule, 'CREATE INDEX ASYNC e ON customer (email, "text_pattern_ops");')).toEqual([]);
  });
});
