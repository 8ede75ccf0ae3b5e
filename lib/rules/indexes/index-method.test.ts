import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./index-method";

describe("index-method", () => {
  it("flags GIN, GiST and hash indexes", async () => {
    const found = await findingsOf(
      rule,
      "CREATE INDEX film_ft ON film USING gist (fulltext);\nCREATE INDEX ASYNC tags ON posts USING gin (tags);\nCREATE INDEX h ON t USING hash (a);",
    );
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "film_ft"],
      [2, "tags"],
      [3, "h"],
    ]);
    expect(found[0].message).toContain("gist");
    expect(found[0].fix).toBe("manual");
  });

  it("accepts B-tree indexes, explicit or implicit", async () => {
    expect(await findingsOf(rule, "CREATE INDEX ASYNC a ON t (x);\nCREATE INDEX b ON t USING btree (x);")).toEqual([]);
  });
});
