import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./sequence-type";

describe("sequence-type", () => {
  it("flags AS integer and AS smallint", async () => {
    const found = await findingsOf(
      rule,
      "CREATE SEQUENCE public.actor_actor_id_seq\n    AS integer\n    CACHE 1;\nCREATE SEQUENCE s AS smallint CACHE 1;",
    );
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "actor_actor_id_seq"],
      [4, "s"],
    ]);
    expect(found[0].message).toContain("AS integer");
  });

  it("accepts bigint and no AS clause", async () => {
    expect(await findingsOf(rule, "CREATE SEQUENCE a AS bigint CACHE 1;\nCREATE SEQUENCE integer_seq CACHE 1;")).toEqual([]);
  });
});
