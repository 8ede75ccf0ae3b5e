import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analyze";
import { foreignSyntax } from "./foreign-syntax";

// mysqldump --skip-comments: no header for the input check to refuse the file by (ingest/input.ts).
const MYSQLDUMP = `/*!40101 SET NAMES utf8mb4 */;
DROP TABLE IF EXISTS \`users\`;
CREATE TABLE \`users\` (
  \`id\` int unsigned NOT NULL AUTO_INCREMENT,
  \`bio\` mediumtext,
  PRIMARY KEY (\`id\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
LOCK TABLES \`users\` WRITE;
UNLOCK TABLES;
`;

const analyse = async (text: string) => (await analyze([{ path: "in.sql", text, bytes: text.length, encoding: "utf-8" }])).findings;

describe("statements in another database's syntax", () => {
  it("a mysqldump without its header: its statements each say they are MySQL and what to do, naming the marks found", async () => {
    const errors = (await analyse(MYSQLDUMP)).filter((f) => f.ruleId === "parse-error");
    expect(errors.map((f) => f.line)).toEqual([2, 3, 8, 9]);
    for (const f of errors)
      expect(f.message).toMatch(/— MySQL syntax \(.+\): this tool reads PostgreSQL: convert the schema to PostgreSQL first/);
    expect(errors[1].message).toContain("backquoted names, AUTO_INCREMENT, ENGINE=, MySQL column types, UNSIGNED, DEFAULT CHARSET=");
    expect(errors[3].message).toContain("(LOCK TABLES)");
  });

  it("a PostgreSQL 11 dump's WITH OIDS is named, with the fix, and the statement is read without it", async () => {
    const found = await analyse("CREATE TABLE public.o (id integer) WITH OIDS;\n");
    expect(found.filter((x) => x.ruleId === "parse-error")).toEqual([]);
    const [f] = found.filter((x) => x.ruleId === "older-postgres-syntax");
    expect(f.message).toBe(
      "read in its corrected form: WITH OIDS was removed in PostgreSQL 12, so this input comes from PostgreSQL 11 or older: delete the clause (DSQL tables have no OID column) and the statement parses",
    );
    const hint = foreignSyntax("CREATE TABLE public.o (id integer)\n  WITH OIDS;");
    expect(hint?.corrected).toBe("CREATE TABLE public.o (id integer)\n;");
  });

  it("a name that became a keyword (pg_dump 15's `json json` parameter) is said, with the quoting that makes it parse", async () => {
    // As pg_dump 15 writes PostgREST's test function: PostgreSQL 16 made json a keyword.
    const dump =
      "CREATE FUNCTION test.varied_arguments(arr text[], \"integer\" integer DEFAULT 42, json json DEFAULT '{}'::json, jsonb jsonb DEFAULT '{}'::jsonb) RETURNS json\n    LANGUAGE sql\n    AS $$ SELECT json_build_object('json', json) $$;\n";
    const [f] = (await analyse(dump)).filter((x) => x.ruleId === "older-postgres-syntax");
    expect(f.message).toBe(
      'read in its corrected form: json is a keyword in newer PostgreSQL (DSQL included), so this statement was written for an older one: it parses once the name is double-quoted ("json")',
    );
    // No hint when quoting does not make it parse: the word is not the problem.
    const [other] = (await analyse("CREATE FUNCTION f(json json, x int,) RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n")).filter(
      (x) => x.ruleId === "parse-error",
    );
    expect(other.message).toBe('syntax error at or near "json"');
  });

  it("SQL Server scripts are named as such", () => {
    expect(foreignSyntax("CREATE TABLE [dbo].[Users] ([Id] INT IDENTITY(1,1) NOT NULL, [Bio] NVARCHAR(MAX))")).toEqual({
      dialect: "sqlserver",
      hint: expect.stringContaining("SQL Server syntax ([bracketed].[names], IDENTITY(seed, increment), VARCHAR(MAX))"),
    });
  });

  it("an ordinary typo, or the marks inside strings, comments and quoted names, get no hint", async () => {
    expect(foreignSyntax("CREATE TABEL t (id int);")).toBeUndefined();
    expect(foreignSyntax("INSERT INTO t VALUES ('`x` AUTO_INCREMENT ENGINE=') -- WITH OIDS\n")).toBeUndefined();
    expect(foreignSyntax('CREATE TABEL "with oids" (id int);')).toBeUndefined();
    const [typo] = (await analyse("CREATE TABEL t (id int);\n")).filter((x) => x.ruleId === "parse-error");
    expect(typo.message).toBe('syntax error at or near "TABEL"');
  });
});
