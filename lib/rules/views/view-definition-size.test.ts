import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./view-definition-size";

const BAD = "SELECT 1;\nCREATE VIEW big AS SELECT " + Array.from({ length: 9000 }, (_, i) => `${i} AS column_number_${i}`).join(", ") + ";";

describe("view-definition-size", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([[2, "big"]]);
    expect(found[0].message).toContain("KiB");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "CREATE VIEW small AS SELECT 1 AS a;")).toEqual([]);
  });
});
