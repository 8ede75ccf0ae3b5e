import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./server-side-copy";

const BAD = "COPY film FROM '/data/film.csv' WITH (FORMAT csv);\nCOPY film TO PROGRAM 'gzip > /tmp/f.gz';";

describe("server-side-copy", () => {
  it("flags the unsupported forms", async () => {
    const found = await findingsOf(rule, BAD);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "film"],
      [2, "film"],
    ]);
    expect(found[0].message).toContain("COPY FROM '/data/film.csv'");
  });

  it("accepts close-but-valid SQL", async () => {
    expect(await findingsOf(rule, "COPY film (film_id, title) FROM stdin;\n1\tA\n\\.\nCOPY (SELECT 1) TO STDOUT;")).toEqual([]);
  });
});
