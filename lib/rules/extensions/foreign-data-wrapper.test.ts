import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./foreign-data-wrapper";

const BAD =
  "CREATE SERVER legacy FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'old');\nCREATE USER MAPPING FOR app SERVER legacy;\nCREATE FOREIGN TABLE legacy_orders (id int) SERVER legacy;\nIMPORT FOREIGN SCHEMA public FROM SERVER legacy INTO staging;";

describe("foreign-data-wrapper", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "legacy"],
      [2, "legacy"],
      [3, "legacy_orders"],
      [4, "public"],
    ]);
    expect(found[0].message).toContain("CREATE SERVER legacy");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "CREATE TABLE server (id int);\nCREATE TABLE foreign_orders (id int);")).toEqual([]);
  });
});
