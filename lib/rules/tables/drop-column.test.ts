import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./drop-column";

const SQL =
  "CREATE TABLE film (id int PRIMARY KEY, original_language_id int);\nALTER TABLE film DROP COLUMN original_language_id;\nALTER TABLE film DROP COLUMN id;";

describe("drop-column", () => {
  it("flags DROP COLUMN before 2026-08-03, leaving primary-key columns to primary-key-change", async () => {
    const found = await findingsOf(rule, SQL, "2026-08-02");
    expect(found).toHaveLength(1);
    expect([found[0].line, found[0].object.name]).toEqual([2, "film.original_language_id"]);
    expect(found[0].message).toContain("before 2026-08-03");
  });

  it("is silent once DSQL supports DROP COLUMN", async () => {
    expect(await findingsOf(rule, SQL, "2026-08-03")).toEqual([]);
    expect(await findingsOf(rule, SQL)).toEqual([]);
  });
});
