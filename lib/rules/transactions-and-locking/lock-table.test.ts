import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./lock-table";

const BAD = "BEGIN;\nLOCK TABLE public.inventory IN EXCLUSIVE MODE;\nCOMMIT;";

describe("lock-table", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([[2, "inventory"]]);
    expect(found[0].message).toContain("LOCK TABLE inventory");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "SELECT * FROM lock_table;\nSELECT 'LOCK TABLE t';")).toEqual([]);
  });
});
