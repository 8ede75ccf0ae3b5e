import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./index-options";

describe("index-options", () => {
  it("flags WITH (…), TABLESPACE and ON ONLY", async () => {
    const found = await findingsOf(
      rule,
      "CREATE INDEX ASYNC p ON ONLY payment (d) WITH (fillfactor = 70) TABLESPACE fast;\nCREATE INDEX ASYNC q ON t (a) WITH (deduplicate_items = off);",
    );
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "p"],
      [2, "q"],
    ]);
    expect(found[0].message).toContain("WITH (fillfactor), TABLESPACE fast, ON ONLY");
  });

  it("accepts a plain index and an INCLUDE list", async () => {
    expect(await findingsOf(rule, "CREATE INDEX ASYNC p ON payment (d) INCLUDE (amount);")).toEqual([]);
  });
});
