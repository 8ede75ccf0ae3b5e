import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./default-privileges-before-support";

const BAD = "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO r;";

describe("default-privileges-before-support", () => {
  it("flags the unsupported forms before 2026-04-24", async () => {
    const found = await findingsOf(rule, BAD, "2026-04-23");
    expect(found.map((f) => [f.line, f.object.name])).toEqual([[1, ""]]);
    expect(found[0].message).toContain("before 2026-04-24");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "GRANT SELECT ON ALL TABLES IN SCHEMA app TO r;", "2026-04-23")).toEqual([]);
  });

  it("is silent from 2026-04-24", async () => {
    expect(await findingsOf(rule, BAD, "2026-04-24")).toEqual([]);
  });
});
