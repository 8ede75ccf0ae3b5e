import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./row-by-row-write";

const BAD =
  "DO $$\nDECLARE r record;\nBEGIN\n  FOR r IN SELECT id FROM a LOOP\n    INSERT INTO b VALUES (r.id);\n    DELETE FROM a WHERE id = r.id;\n  END LOOP;\nEND $$;";

describe("row-by-row-write", () => {
  it("flags the first write inside a loop, once per routine", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.column])).toEqual([[5, 5]]);
    expect(found[0].message).toContain("INSERT inside a loop");
  });

  it("accepts set-based writes and the loop's own query", async () => {
    expect(
      await findingsOf(
        rule,
        "DO $$ DECLARE r record; BEGIN FOR r IN SELECT id FROM a LOOP RAISE NOTICE '%', r.id; END LOOP; INSERT INTO b SELECT id FROM a; END $$;",
      ),
    ).toEqual([]);
  });
});
