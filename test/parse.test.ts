import { beforeAll, describe, expect, it } from "vitest";
import { loadParser, nodeOffset, parseFile, type ParsedStatement, type ParseError } from "../lib/ingest/parse";

function run(text: string) {
  const statements: ParsedStatement[] = [];
  const errors: ParseError[] = [];
  const stats = parseFile({ path: "f.sql", text, bytes: Buffer.byteLength(text), encoding: "utf-8" }, (s) => {
    if (s.ok) statements.push(s.statement);
    else errors.push(s.error);
  });
  return { statements, errors, stats };
}

describe("parseFile", () => {
  beforeAll(() => loadParser());

  it("gives each statement its 1-based line and column", () => {
    const { statements } = run("-- header\n\n  CREATE TABLE a (id int);\nSELECT 1;");
    expect(statements.map((s) => [s.kind, s.line, s.column])).toEqual([
      ["CreateStmt", 3, 3],
      ["SelectStmt", 4, 1],
    ]);
    expect(statements[0].text).toBe("CREATE TABLE a (id int);");
  });

  it("reports a statement that does not parse with its position and goes on with the next", () => {
    const { statements, errors, stats } = run("CREATE TABLE a (id int);\nSELECT * FRM b;\nCREATE TABLE c (id int);");
    expect(statements.map((s) => s.kind)).toEqual(["CreateStmt", "CreateStmt"]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2, column: 10, statementLine: 2 });
    expect(errors[0].message).toMatch(/syntax error at or near "FRM"/);
    expect(stats).toMatchObject({ statements: 3, parsed: 2, parseErrors: 1 });
  });

  it("maps byte offsets to characters in files with non-ASCII identifiers", () => {
    const text = 'CREATE TABLE "Straße" ("größe" int, ok int);\nCREATE TABLE t2 ("naïve" serial);';
    const { statements } = run(text);
    expect(statements[1].line).toBe(2);
    const col = statements[1].node.tableElts[0].ColumnDef;
    const at = nodeOffset(statements[1], col.typeName.location);
    expect(text.slice(at, at + 6)).toBe("serial");
  });

  it("marks statements that carried DSQL's ASYNC keyword", () => {
    const { statements } = run("CREATE INDEX ASYNC i ON t (a);\nCREATE INDEX j ON t (a);");
    expect(statements.map((s) => [s.async, s.node.idxname])).toEqual([
      [true, "i"],
      [false, "j"],
    ]);
  });

  it("parses pg_dump files with meta-commands and COPY data whole", () => {
    const { statements, errors, stats } = run("\\connect db\nCOPY t (a) FROM stdin;\nnot sql at all;\n\\.\nCREATE TABLE x (id int);");
    expect(errors).toEqual([]);
    expect(statements.map((s) => s.kind)).toEqual(["CopyStmt", "CreateStmt"]);
    expect(stats.metaCommands.map((m) => [m.line, m.text])).toEqual([[1, "\\connect db"]]);
    expect(stats.copyDataBlocks).toBe(1);
  });
});
