import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./truncate";

const BAD =
  "TRUNCATE staging, public.other;\nCREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ TRUNCATE t $$;\nCREATE FUNCTION g() RETURNS void LANGUAGE plpgsql AS $$ BEGIN TRUNCATE t; END $$;";

describe("truncate", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "staging"],
      [1, "other"],
      [2, "f"],
      [3, "g"],
    ]);
    expect(found[0].message).toContain("TRUNCATE staging");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(
      await findingsOf(
        rule,
        "SELECT 'TRUNCATE t';\nCREATE TABLE truncate_log (truncated_at timestamptz);\nSELECT date_trunc('day', now());\nCREATE FUNCTION g() RETURNS void LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'TRUNCATE t'; END $$;",
      ),
    ).toEqual([]);
  });
});
