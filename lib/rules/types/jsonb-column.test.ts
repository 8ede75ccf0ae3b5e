import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./jsonb-column";

const SQL = "CREATE TABLE event (id uuid PRIMARY KEY,\n  payload jsonb);\nALTER TABLE event ADD COLUMN extra jsonb;";

describe("jsonb-column", () => {
  it("flags jsonb columns before 2026-06-08", async () => {
    const found = await findingsOf(rule, SQL, "2026-06-07");
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "event.payload"],
      [3, "event.extra"],
    ]);
    expect(found[0].message).toContain("2026-06-08");
  });

  it("is silent from 2026-06-08, and for runtime casts or other types", async () => {
    expect(await findingsOf(rule, SQL, "2026-06-08")).toEqual([]);
    expect(await findingsOf(rule, "CREATE TABLE e (p text, q jsonb_thing);\nSELECT p::jsonb FROM e;", "2025-06-01")).toEqual([]);
  });
});
