import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./create-rule";

const BAD = "SELECT 1;\nCREATE RULE film_ins AS ON INSERT TO film_view DO INSTEAD NOTHING;";

describe("create-rule", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([[2, "film_view.film_ins"]]);
    expect(found[0].message).toContain("rule film_ins");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "CREATE TABLE rule (id int);\nSELECT 'CREATE RULE r AS ON INSERT TO t DO NOTHING';")).toEqual([]);
  });
});
