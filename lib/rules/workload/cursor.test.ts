import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./cursor";

const BAD = "BEGIN;\nDECLARE c CURSOR FOR SELECT * FROM rental;\nFETCH 100 FROM c;\nMOVE c;\nCLOSE c;\nCOMMIT;";

describe("cursor", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "c"],
      [3, "c"],
      [4, "c"],
      [5, "c"],
    ]);
    expect(found[0].message).toContain("DECLARE \u2026 CURSOR c");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "SELECT * FROM rental WHERE id > 5 ORDER BY id LIMIT 100;\nCREATE TABLE cursor (fetch int);")).toEqual(
      [],
    );
  });
});
