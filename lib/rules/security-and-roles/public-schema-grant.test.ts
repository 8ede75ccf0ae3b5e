import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./public-schema-grant";

const BAD = "REVOKE USAGE ON SCHEMA public FROM PUBLIC;\nGRANT ALL ON SCHEMA public TO PUBLIC;";

describe("public-schema-grant", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "public"],
      [2, "public"],
    ]);
    expect(found[0].message).toContain("REVOKE on schema public");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(
      await findingsOf(
        rule,
        "GRANT USAGE ON SCHEMA app TO r;\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO r;\nGRANT SELECT ON public.t TO r;",
      ),
    ).toEqual([]);
  });
});
