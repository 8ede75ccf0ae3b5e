import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule, { explicitUsingBtree } from "./index-using-clause";

describe("index-using-clause", () => {
  it("flags an explicit USING btree, as pg_dump writes it", async () => {
    const found = await findingsOf(
      rule,
      "SELECT 1;\nCREATE INDEX idx_title ON public.film USING btree (title);\nCREATE INDEX ASYNC i2 ON film USING BTREE (a);",
    );
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "idx_title"],
      [3, "i2"],
    ]);
    expect(found[0].message).toContain("USING btree");
    expect(found[0].fix).toBe("auto");
  });

  it("ignores indexes without USING, other methods, and USING btree in comments, strings or identifiers", async () => {
    const sql = [
      "CREATE INDEX ASYNC a ON t (x); -- USING btree",
      "CREATE INDEX ASYNC b ON t (x) /* using btree */;",
      "CREATE INDEX ASYNC c ON t (x) WHERE y = 'using btree';",
      'CREATE INDEX ASYNC d ON t ("using btree");',
      "CREATE INDEX e ON t USING gin (x);",
    ].join("\n");
    expect(await findingsOf(rule, sql)).toEqual([]);
  });

  it("reads quoted method names", () => {
    expect(explicitUsingBtree('CREATE INDEX i ON t USING "btree" (a)')).toBe(true);
    expect(explicitUsingBtree("CREATE INDEX i ON t USING btree_gist (a)")).toBe(false);
  });
});
