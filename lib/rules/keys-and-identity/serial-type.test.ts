import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./serial-type";

describe("serial-type", () => {
  it("flags serial, bigserial and smallserial columns where the type is written", async () => {
    const found = await findingsOf(
      rule,
      "CREATE TABLE t (\n  id bigserial PRIMARY KEY,\n  n smallserial\n);\nALTER TABLE t ADD COLUMN m serial;",
    );
    expect(found.map((f) => [f.line, f.column, f.object.name])).toEqual([
      [2, 6, "t.id"],
      [3, 5, "t.n"],
      [5, 28, "t.m"],
    ]);
    expect(found[0]).toMatchObject({ severity: "blocker", fix: "auto", category: "keys-and-identity" });
  });

  it("does not flag a column named serial_number or a type from another schema", async () => {
    expect(await findingsOf(rule, "CREATE TABLE t (serial_number text, serial int, s myschema.serial);")).toEqual([]);
  });
});
