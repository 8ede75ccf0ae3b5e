import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./tablespace";

describe("tablespace", () => {
  it("flags CREATE TABLESPACE, TABLESPACE clauses and SET TABLESPACE", async () => {
    const sql = [
      "CREATE TABLESPACE fast LOCATION '/ssd';",
      "CREATE TABLE film (id uuid, CONSTRAINT film_pkey PRIMARY KEY (id) USING INDEX TABLESPACE fast) TABLESPACE fast;",
      "ALTER TABLE film SET TABLESPACE slow;",
      "SET default_tablespace = fast;",
    ].join("\n");
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.kind, f.object.name])).toEqual([
      [1, "tablespace", "fast"],
      [2, "table", "film"],
      [2, "constraint", "film.film_pkey"],
      [3, "table", "film"],
      [4, "tablespace", "fast"],
    ]);
    expect(found[1].message).toContain("public.film is placed in tablespace fast");
  });

  it("leaves pg_dump's SET default_tablespace = '' and index TABLESPACE (index-options) alone", async () => {
    const sql =
      "SET default_tablespace = '';\nRESET default_tablespace;\nCREATE TABLE tablespace_usage (tablespace text);\nCREATE INDEX ASYNC i ON tablespace_usage (tablespace) TABLESPACE fast;";
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
