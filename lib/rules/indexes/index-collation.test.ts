import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./index-collation";

describe("index-collation", () => {
  it("flags COLLATE on a key", async () => {
    const found = await findingsOf(rule, 'SELECT 1;\nCREATE INDEX ASYNC n ON artist (name COLLATE "en_US");');
    expect(found).toHaveLength(1);
    expect(found[0].line).toBe(2);
    expect(found[0].object.name).toBe("n");
    expect(found[0].message).toContain("en_US");
  });

  it("ignores COLLATE outside index keys", async () => {
    expect(await findingsOf(rule, 'CREATE INDEX ASYNC n ON artist (name);\nSELECT name COLLATE "C" FROM artist;')).toEqual([]);
  });
});
