import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./extension";

describe("extension", () => {
  it("flags CREATE EXTENSION with the DSQL alternative, and COMMENT ON / DROP EXTENSION", async () => {
    const sql =
      'CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;\nCOMMENT ON EXTENSION "uuid-ossp" IS \'UUIDs\';\nCREATE EXTENSION hstore;\nCREATE EXTENSION postgis;\nCREATE EXTENSION my_custom_ext;\nDROP EXTENSION pg_trgm;';
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "uuid-ossp"],
      [2, "uuid-ossp"],
      [3, "hstore"],
      [4, "postgis"],
      [5, "my_custom_ext"],
      [6, "pg_trgm"],
    ]);
    expect(found[0].message).toContain("gen_random_uuid()");
    expect(found[2].message).toContain("jsonb");
    expect(found[3].message).toContain("spatial");
    expect(found[4].message).toContain("replacement");
  });

  it("ignores comments on other objects and a table named extension", async () => {
    expect(
      await findingsOf(
        rule,
        "CREATE TABLE extension (id int PRIMARY KEY);\nCOMMENT ON TABLE extension IS 'CREATE EXTENSION pgcrypto';\nDROP TABLE extension;",
      ),
    ).toEqual([]);
  });
});
