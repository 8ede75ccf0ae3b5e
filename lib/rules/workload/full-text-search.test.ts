import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./full-text-search";

const BAD =
  "SELECT * FROM film WHERE fulltext @@ to_tsquery('drama');\nCREATE FUNCTION s(q text) RETURNS SETOF film LANGUAGE sql AS $$ SELECT * FROM film WHERE to_tsvector(title) @@ plainto_tsquery(q) $$;";

describe("full-text-search", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, ""],
      [2, "s"],
    ]);
    expect(found[0].message).toContain("to_tsquery()");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "SELECT 'to_tsvector(x)';\nSELECT title FROM film WHERE title LIKE 'A%';")).toEqual([]);
  });
});
