import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./json-column";

const SQL = "CREATE TABLE event (id uuid PRIMARY KEY,\n  payload json);\nALTER TABLE event ADD COLUMN extra json;";

describe("json-column", () => {
  it("flags json columns before 2026-05-04", async () => {
    const found = await findingsOf(rule, SQL, "2026-05-03");
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "event.payload"],
      [3, "event.extra"],
    ]);
    expect(found[0].message).toContain("2026-05-04");
  });

  it("is silent from 2026-05-04, and for runtime casts or other types", async () => {
    expect(await findingsOf(rule, SQL, "2026-05-04")).toEqual([]);
    expect(await findingsOf(rule, "CREATE TABLE e (p text, q json_thing);\nSELECT p::json FROM e;", "2025-06-01")).toEqual([]);
  });
});
