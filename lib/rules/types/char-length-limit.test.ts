import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./char-length-limit";

describe("char-length-limit", () => {
  it("flags char(n) over 4096 and varchar(n) over 65535", async () => {
    const found = await findingsOf(rule, "CREATE TABLE note (id int PRIMARY KEY, a char(5000),\n  b varchar(100000));");
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "note.a"],
      [2, "note.b"],
    ]);
    expect(found[1].message).toContain("varchar(65535)");
  });

  it("accepts lengths at the limits and unsized types", async () => {
    expect(await findingsOf(rule, "CREATE TABLE n (a char(4096), b varchar(65535), c varchar, d text, e char);")).toEqual([]);
  });
});
