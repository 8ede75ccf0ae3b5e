import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./alter-or-drop-type";

describe("alter-or-drop-type", () => {
  it("flags DROP TYPE, ALTER TYPE … ADD ATTRIBUTE and ALTER TYPE … RENAME", async () => {
    const found = await findingsOf(
      rule,
      "DROP TYPE IF EXISTS public.mpaa_rating;\nALTER TYPE address ADD ATTRIBUTE zip text;\nALTER TYPE address RENAME TO addr;",
    );
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "mpaa_rating"],
      [2, "address"],
      [3, "address"],
    ]);
    expect(found[0].message).toContain("DROP TYPE");
  });

  it("ignores DROP TABLE, DROP DOMAIN and ALTER TABLE", async () => {
    expect(await findingsOf(rule, "DROP TABLE t;\nDROP DOMAIN d;\nALTER TABLE t ADD COLUMN a int;\nALTER TABLE t RENAME TO u;")).toEqual(
      [],
    );
  });
});
