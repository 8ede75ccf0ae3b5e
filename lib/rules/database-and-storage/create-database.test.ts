import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./create-database";

describe("create-database", () => {
  it("flags CREATE, ALTER, RENAME and DROP DATABASE", async () => {
    // (A leading DROP DATABASE IF EXISTS followed by CREATE is pg_dump's --clean preamble, not assessed.)
    const sql =
      "CREATE DATABASE chinook ENCODING 'UTF8';\nALTER DATABASE chinook CONNECTION LIMIT 5;\nALTER DATABASE chinook RENAME TO music;\nALTER DATABASE music OWNER TO app;\nDROP DATABASE IF EXISTS music;";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "chinook"],
      [2, "chinook"],
      [3, "chinook"],
      [4, "music"],
      [5, "music"],
    ]);
    expect(found[0].message).toContain("CREATE DATABASE chinook");
    // pg_dump --create and pg_dumpall write ALTER DATABASE x OWNER TO y after each CREATE DATABASE.
    expect(found[2].message).toMatch(/^ALTER DATABASE chinook RENAME: /);
    expect(found[3].message).toMatch(/^ALTER DATABASE music OWNER TO: /);
    expect(found[0].severity).toBe("blocker");
  });

  it("ignores schemas, table renames and table owners", async () => {
    expect(
      await findingsOf(
        rule,
        "CREATE SCHEMA chinook;\nALTER TABLE t RENAME TO database;\nALTER TABLE t OWNER TO app;\nALTER SCHEMA chinook OWNER TO app;",
      ),
    ).toEqual([]);
  });
});
