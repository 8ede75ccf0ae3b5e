import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./set-statistics";

describe("set-statistics", () => {
  it("flags ALTER COLUMN … SET STATISTICS", async () => {
    const found = await findingsOf(rule, "ALTER TABLE ONLY public.posts ALTER COLUMN tag_index SET STATISTICS 2000;");
    expect(found).toHaveLength(1);
    expect([found[0].line, found[0].object.name]).toEqual([1, "posts.tag_index"]);
    expect(found[0].message).toContain("SET STATISTICS 2000 on public.posts.tag_index");
  });

  it("accepts CREATE STATISTICS and SET STORAGE", async () => {
    expect(
      await findingsOf(
        rule,
        "CREATE STATISTICS s (dependencies) ON a, b FROM posts;\nALTER TABLE posts ALTER COLUMN tag_index SET STORAGE MAIN;",
      ),
    ).toEqual([]);
  });
});
