import { describe, expect, it } from "vitest";
import { scanScript } from "../lib/ingest/lex";

describe("scanScript", () => {
  it("blanks psql meta-commands and reports them, keeping offsets", () => {
    const sql = "\\connect mydb\nCREATE TABLE a (id int);\n\\set ON_ERROR_STOP on\nSELECT 1;";
    const s = scanScript(sql);
    expect(s.parseable.length).toBe(sql.length);
    expect(s.metaCommands.map((m) => m.text)).toEqual(["\\connect mydb", "\\set ON_ERROR_STOP on"]);
    expect(s.parseable).not.toContain("\\connect");
    expect(s.statements.map((sp) => sql.slice(sp.start, sp.end))).toEqual(["CREATE TABLE a (id int);", "SELECT 1;"]);
  });

  it("skips COPY … FROM stdin data up to the \\. line", () => {
    const sql = "COPY t (a, b) FROM stdin;\n1\tx;y\n2\t'z\n\\.\nSELECT 2;";
    const s = scanScript(sql);
    expect(s.copyData).toHaveLength(1);
    expect(s.statements.map((sp) => sql.slice(sp.start, sp.end))).toEqual(["COPY t (a, b) FROM stdin;", "SELECT 2;"]);
    expect(s.parseable).not.toContain("'z");
  });

  it("does not treat COPY to a file or COPY FROM a file as inline data", () => {
    const sql = "COPY t FROM '/tmp/x.csv';\nSELECT 2;";
    expect(scanScript(sql).copyData).toHaveLength(0);
  });

  it("finds DSQL's ASYNC only right after CREATE [UNIQUE] INDEX or ALTER TABLE", () => {
    const sql =
      "CREATE INDEX ASYNC i ON t (a);\nCREATE UNIQUE INDEX async ON t (b);\nALTER TABLE ASYNC t VALIDATE CONSTRAINT c;\nSELECT 'CREATE INDEX ASYNC';\nCREATE TABLE async (x int);";
    const s = scanScript(sql);
    expect(s.asyncKeywords.map((o) => sql.slice(o, o + 5))).toEqual(["ASYNC", "async", "ASYNC"]);
    expect(s.asyncKeywords).toHaveLength(3);
    expect(s.parseable).toContain("CREATE TABLE async");
  });

  it("keeps semicolons inside quotes, dollar quotes, comments and BEGIN ATOMIC bodies", () => {
    const sql = [
      "SELECT 'a;b', E'c\\';d', \"x;y\";",
      "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $fn$ BEGIN RETURN 1; END; $fn$;",
      "/* a; /* nested; */ b; */ SELECT 2;",
      "-- c;\nSELECT 3;",
      "CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN x > 0 THEN 1 ELSE 2 END; SELECT 3; END;",
      "SELECT $1;",
    ].join("\n");
    const s = scanScript(sql);
    expect(s.statements).toHaveLength(6);
    expect(sql.slice(s.statements[4].start, s.statements[4].end)).toMatch(/^CREATE FUNCTION g[\s\S]*SELECT 3; END;$/);
  });

  it("returns a final statement without a semicolon", () => {
    const s = scanScript("SELECT 1;\nSELECT 2");
    expect(s.statements).toHaveLength(2);
  });
});
