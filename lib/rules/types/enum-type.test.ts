import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./enum-type";

describe("enum-type", () => {
  it("flags CREATE TYPE AS ENUM, ADD VALUE and columns of the enum type", async () => {
    const sql =
      "CREATE TYPE public.mpaa_rating AS ENUM ('G', 'PG');\nALTER TYPE mpaa_rating ADD VALUE 'R';\nCREATE TABLE film (id int PRIMARY KEY, rating public.mpaa_rating);";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "mpaa_rating"],
      [2, "mpaa_rating"],
      [3, "film.rating"],
    ]);
    expect(found[0].message).toContain("2 values");
    expect(found[1].message).toContain("ADD VALUE");
  });

  it("ignores other user types and columns named like the enum", async () => {
    expect(await findingsOf(rule, "CREATE DOMAIN mpaa_rating AS text;\nCREATE TABLE film (mpaa_rating text, r mpaa_rating);")).toEqual([]);
  });
});
