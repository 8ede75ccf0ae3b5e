import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./alter-index";

describe("alter-index", () => {
  it("flags pg_dump's ATTACH PARTITION and storage changes", async () => {
    const found = await findingsOf(
      rule,
      "ALTER INDEX public.idx_parent ATTACH PARTITION public.idx_child;\nALTER INDEX i SET (fillfactor = 70);",
    );
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "idx_parent"],
      [2, "i"],
    ]);
    expect(found[0].message).toContain("ATTACH PARTITION");
  });

  it("accepts ALTER INDEX … RENAME and ALTER TABLE", async () => {
    expect(await findingsOf(rule, "ALTER INDEX i RENAME TO j;\nALTER TABLE t ADD COLUMN a int;")).toEqual([]);
  });
});
