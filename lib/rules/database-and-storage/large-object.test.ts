import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./large-object";

const BAD =
  "SELECT pg_catalog.lo_create('16400');\nALTER LARGE OBJECT 16400 OWNER TO postgres;\nGRANT SELECT ON LARGE OBJECT 16400 TO r;\nSELECT lo_import('/tmp/x');";

describe("large-object", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, ""],
      [2, ""],
      [3, ""],
      [4, ""],
    ]);
    expect(found[0].message).toContain("lo_create() uses large objects");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "SELECT lo_something_else(1);\nCREATE TABLE t (lo_id int);\nSELECT 'lo_import(1)';")).toEqual([]);
  });
});
