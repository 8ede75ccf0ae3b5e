import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./role-rename-before-support";

const BAD = "ALTER ROLE app RENAME TO app_rw;\nALTER USER bob RENAME TO robert;";

describe("role-rename-before-support", () => {
  it("flags the unsupported forms before 2026-04-24", async () => {
    const found = await findingsOf(rule, BAD, "2026-04-23");
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "app"],
      [2, "bob"],
    ]);
    expect(found[0].message).toContain("renaming role app");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "ALTER TABLE role RENAME TO roles;\nCREATE ROLE app_rw;", "2026-04-23")).toEqual([]);
  });

  it("is silent from 2026-04-24", async () => {
    expect(await findingsOf(rule, BAD, "2026-04-24")).toEqual([]);
  });
});
