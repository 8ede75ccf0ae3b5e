import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./column-compression";

describe("column-compression", () => {
  it("flags COMPRESSION in CREATE TABLE, ADD COLUMN and SET COMPRESSION", async () => {
    const sql =
      "CREATE TABLE doc (id int PRIMARY KEY, body text COMPRESSION lz4);\nALTER TABLE doc ADD COLUMN notes text COMPRESSION pglz;\nALTER TABLE doc ALTER COLUMN body SET COMPRESSION pglz;";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "doc.body"],
      [2, "doc.notes"],
      [3, "doc.body"],
    ]);
    expect(found[0].message).toContain("COMPRESSION lz4");
  });

  it("accepts STORAGE, DSQL's alternative", async () => {
    expect(
      await findingsOf(
        rule,
        "CREATE TABLE doc (id int PRIMARY KEY, body text STORAGE EXTERNAL, compression text);\nALTER TABLE doc ALTER COLUMN body SET STORAGE MAIN;",
      ),
    ).toEqual([]);
  });
});
