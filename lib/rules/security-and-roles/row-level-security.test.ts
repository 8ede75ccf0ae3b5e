import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./row-level-security";

const BAD =
  "ALTER TABLE account ENABLE ROW LEVEL SECURITY;\nCREATE POLICY tenant ON account USING (tenant_id = 1);\nALTER POLICY tenant ON account USING (true);\nDROP POLICY tenant ON account;\nALTER TABLE account FORCE ROW LEVEL SECURITY;";

describe("row-level-security", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "account"],
      [2, "account.tenant"],
      [3, "account.tenant"],
      [4, "account.tenant"],
      [5, "account"],
    ]);
    expect(found[0].message).toContain("ENABLE ROW LEVEL SECURITY");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(
      await findingsOf(rule, "ALTER TABLE account DISABLE ROW LEVEL SECURITY;\nCREATE VIEW v WITH (security_barrier) AS SELECT 1;"),
    ).toEqual([]);
  });
});
