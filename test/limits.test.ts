/** Input limits of one analysis: a statement cap checked before parsing and a heap budget while analysing. */
import { afterEach, describe, expect, it } from "vitest";
import { analyze } from "../lib/analyze";
import { InputError, type InputFile } from "../lib/ingest/input";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assessUploads } from "../lib/pipeline/uploads";
import {
  checkRewriteStatementCount,
  checkStatementCount,
  DEFAULT_MAX_REWRITE_STATEMENTS,
  DEFAULT_MAX_STATEMENTS,
  HeapGuard,
  maxRewriteStatements,
  maxStatements,
} from "../lib/ingest/limits";

const file = (path: string, text: string): InputFile => ({ path, text, bytes: text.length, encoding: "utf-8" });
const inserts = (n: number) => Array.from({ length: n }, (_, i) => `INSERT INTO t VALUES (${i}, 'a;b');\n`).join("");

afterEach(() => {
  delete process.env.DSQL_PREFLIGHT_MAX_STATEMENTS;
  delete process.env.DSQL_PREFLIGHT_MAX_REWRITE_STATEMENTS;
});

describe("statement limit", () => {
  it("counts statements across files with the lexer (semicolons in strings do not split)", () => {
    expect(checkStatementCount([file("a.sql", inserts(3)), file("b.sql", inserts(4))], 7)).toBe(7);
    expect(() => checkStatementCount([file("a.sql", inserts(3)), file("b.sql", inserts(4))], 6)).toThrow(
      "2 files: input too large to analyse: 7 statements, limit 6",
    );
  });

  it("analyze refuses before parsing, naming the file, the count and the limit", async () => {
    const err = await analyze([file("many.sql", inserts(20))], { maxStatements: 10 }).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe("too-many-statements");
    expect((err as Error).message).toMatch(/^many\.sql: input too large to analyse: 20 statements, limit 10 /);
  });

  it("takes the limit from DSQL_PREFLIGHT_MAX_STATEMENTS, and analyses inputs at the limit", async () => {
    expect(maxStatements()).toBe(DEFAULT_MAX_STATEMENTS);
    process.env.DSQL_PREFLIGHT_MAX_STATEMENTS = "20";
    const ok = await analyze([file("many.sql", inserts(20))]);
    expect(ok.files[0].statements).toBe(20);
    process.env.DSQL_PREFLIGHT_MAX_STATEMENTS = "19";
    await expect(analyze([file("many.sql", inserts(20))])).rejects.toThrow("input too large to analyse: 20 statements, limit 19");
    process.env.DSQL_PREFLIGHT_MAX_STATEMENTS = "-3";
    expect(() => maxStatements()).toThrow(/"-3" is not a positive whole number/);
  });
});

describe("rewrite statement limit", () => {
  const rna = readFileSync(join(__dirname, "..", "..", "shared", "corpus", "rnacentral-rna.sql"), "utf8");

  it("refuses an upload over the limit before any parsing, naming the count, the limit and how to proceed", async () => {
    expect(maxRewriteStatements()).toBe(DEFAULT_MAX_REWRITE_STATEMENTS);
    process.env.DSQL_PREFLIGHT_MAX_REWRITE_STATEMENTS = "6047";
    const bytes = new TextEncoder().encode(rna);
    const err = await assessUploads(
      [{ name: "rnacentral-rna.sql", bytes }],
      { targetDate: "2026-09-15", keyStrategy: "uuid" },
      () => {},
    ).catch((e) => e);
    expect((err as Error).message).toMatch(
      /^rnacentral-rna\.sql: input too large to rewrite: 6048 statements, limit 6047 \(.*dsql-preflight analyze.*DSQL_PREFLIGHT_MAX_REWRITE_STATEMENTS\)$/,
    );
    process.env.DSQL_PREFLIGHT_MAX_REWRITE_STATEMENTS = "6048";
    const ok = await assessUploads([{ name: "rnacentral-rna.sql", bytes }], { targetDate: "2026-09-15", keyStrategy: "uuid" }, () => {});
    expect(ok.report.rewrites).toBeDefined();
  });

  it("applies the default to the total over all files", () => {
    const copies = Array.from({ length: 17 }, (_, i) => file(`copy-${i}.sql`, rna));
    expect(() => checkRewriteStatementCount(copies)).toThrow(/^17 files: input too large to rewrite: 102816 statements, limit 100000 /);
    expect(checkRewriteStatementCount(copies.slice(0, 16))).toBe(96_768);
    process.env.DSQL_PREFLIGHT_MAX_REWRITE_STATEMENTS = "0";
    expect(() => maxRewriteStatements()).toThrow(/"0" is not a positive whole number/);
  });
});

describe("heap guard", () => {
  it("stops only after two readings over budget, with the statement count in the message", () => {
    const guard = new HeapGuard(10_000, 1);
    for (let i = 0; i < 2047; i++) guard.tick("big.sql");
    guard.tick("big.sql"); // first reading over budget: could be garbage, keep going
    for (let i = 0; i < 2047; i++) guard.tick("big.sql");
    expect(() => guard.tick("big.sql")).toThrow(
      /^big\.sql: input too large to analyse: 10000 statements; the 0 MB memory budget was used up after 4096 of them/,
    );
  });

  it("never fires under budget", () => {
    const guard = new HeapGuard(10_000, 2 ** 40);
    for (let i = 0; i < 10_000; i++) guard.tick("ok.sql");
  });
});
