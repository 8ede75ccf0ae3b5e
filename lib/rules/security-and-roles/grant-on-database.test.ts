import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./grant-on-database";

const BAD = "GRANT CONNECT ON DATABASE app TO reporting;\nREVOKE ALL ON DATABASE app FROM PUBLIC;";

describe("grant-on-database", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "app"],
      [2, "app"],
    ]);
    expect(found[0].message).toContain("GRANT on DATABASE app");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "GRANT USAGE ON SCHEMA app TO reporting;\nGRANT SELECT ON TABLE database TO r;")).toEqual([]);
  });
});
