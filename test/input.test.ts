import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { decodeSql, InputError } from "../lib/ingest/input";
import { readInputs, inputsFromBytes } from "../lib/ingest/sources";

const enc = (s: string) => new TextEncoder().encode(s);

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("decodeSql", () => {
  it("reads UTF-8 with and without a BOM", () => {
    expect(decodeSql("a.sql", enc("SELECT 1;")).encoding).toBe("utf-8");
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc("SELECT 'é';")]);
    const f = decodeSql("b.sql", bom);
    expect(f.encoding).toBe("utf-8-bom");
    expect(f.text).toBe("SELECT 'é';");
  });

  it("reads UTF-16 with a BOM in either byte order", () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from("SELECT 1;", "utf16le")]);
    expect(decodeSql("le.sql", le)).toMatchObject({ encoding: "utf-16le", text: "SELECT 1;" });
    const be = Buffer.from("SELECT 1;", "utf16le").swap16();
    expect(decodeSql("be.sql", new Uint8Array([0xfe, 0xff, ...be]))).toMatchObject({ encoding: "utf-16be", text: "SELECT 1;" });
  });

  it("names the file and the line of invalid UTF-8", () => {
    const latin1 = new Uint8Array([...enc("SELECT 1;\nSELECT '"), 0xe9, ...enc("';")]);
    const e = errorOf(() => decodeSql("latin1.sql", latin1));
    expect(e.code).toBe("encoding");
    expect(e.message).toMatch(/^latin1\.sql: not valid UTF-8 .*line 2/);
  });

  it("rejects empty, whitespace-only, binary and oversize input with clear errors", () => {
    expect(errorOf(() => decodeSql("e.sql", new Uint8Array())).code).toBe("empty");
    expect(errorOf(() => decodeSql("w.sql", enc(" \n\t"))).code).toBe("empty");
    expect(errorOf(() => decodeSql("x.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))).code).toBe("binary");
    const big = errorOf(() => decodeSql("big.sql", enc("SELECT 1;".repeat(100)), 100));
    expect(big.code).toBe("too-large");
    expect(big.message).toMatch(/big\.sql: input is .* over the 100 bytes limit/);
  });
});

describe("readInputs", () => {
  const dir = mkdtempSync(join(tmpdir(), "inputs-"));
  mkdirSync(join(dir, "migrations"));
  writeFileSync(join(dir, "migrations", "V10__later.sql"), "CREATE TABLE c (id int);");
  writeFileSync(join(dir, "migrations", "V2__first.sql"), "CREATE TABLE b (id int);");
  writeFileSync(join(dir, "migrations", "notes.txt"), "not sql");

  it("reads a directory's .sql files in natural filename order", () => {
    const files = readInputs([join(dir, "migrations")]);
    expect(files.map((f) => f.path.split("/").pop())).toEqual(["V2__first.sql", "V10__later.sql"]);
  });

  it("expands a zip archive to its .sql entries", () => {
    const zip = zipSync({ "m/V2__a.sql": enc("SELECT 1;"), "m/V1__b.sql": enc("SELECT 2;"), "README.md": enc("x") });
    writeFileSync(join(dir, "m.zip"), zip);
    expect(readInputs([join(dir, "m.zip")]).map((f) => f.path.split("m.zip/")[1])).toEqual(["m/V1__b.sql", "m/V2__a.sql"]);
  });

  it("reports a corrupt zip and a zip without SQL", () => {
    expect(errorOf(() => inputsFromBytes("bad.zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).code).toBe("zip");
    expect(errorOf(() => inputsFromBytes("docs.zip", zipSync({ "a.txt": enc("x") }))).code).toBe("no-sql-files");
  });

  it("reads stdin when given -", () => {
    expect(readInputs(["-"], {}, () => enc("SELECT 1;"))[0]).toMatchObject({ path: "<stdin>", text: "SELECT 1;" });
  });

  it("names a missing path", () => {
    expect(errorOf(() => readInputs([join(dir, "nope.sql")])).code).toBe("not-found");
  });
});
