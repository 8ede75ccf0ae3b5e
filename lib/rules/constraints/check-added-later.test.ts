import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./check-added-later";

const SQL =
  "CREATE TABLE film (id int PRIMARY KEY, length int);\nALTER TABLE film ADD CONSTRAINT film_length_check CHECK (length > 0);\nALTER TABLE film ADD CONSTRAINT film_length_nv CHECK (length < 1000) NOT VALID;";

describe("check-added-later", () => {
  it("flags ADD CHECK without NOT VALID, and accepts NOT VALID, on current DSQL", async () => {
    const found = await findingsOf(rule, SQL);
    expect(found).toHaveLength(1);
    expect([found[0].line, found[0].object.name]).toEqual([2, "film.film_length_check"]);
    expect(found[0].message).toContain("without NOT VALID");
  });

  it("before 2026-08-03 flags every added CHECK, NOT VALID included, with a different message", async () => {
    const found = await findingsOf(rule, SQL, "2026-08-02");
    expect(found.map((f) => f.line)).toEqual([2, 3]);
    expect(found[1].message).toContain("only accepts CHECK constraints inside CREATE TABLE");
  });

  it("accepts CHECK inside CREATE TABLE and other added constraints", async () => {
    expect(
      await findingsOf(
        rule,
        "CREATE TABLE t (a int CHECK (a > 0), CONSTRAINT c CHECK (a < 10));\nALTER TABLE t ADD CONSTRAINT t_u UNIQUE USING INDEX t_idx;",
        "2026-01-01",
      ),
    ).toEqual([]);
  });
});
