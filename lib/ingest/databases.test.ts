import { describe, expect, it } from "vitest";
import { connectTarget, databasesIn, onlyDatabase, selectDatabase, SeveralDatabasesError } from "./databases";
import { rewrite } from "../rewrite/engine";
import type { InputFile } from "./input";

// The shape of pg_dumpall's output: globals, then each database after a \connect (pg_dump --create style).
const CLUSTER = [
  "SET default_transaction_read_only = off;", //  1
  "CREATE ROLE app;", //  2
  "ALTER ROLE app WITH LOGIN PASSWORD 'x';", //  3
  "\\connect template1", //  4
  "SET statement_timeout = 0;", //  5
  "CREATE DATABASE shop WITH TEMPLATE = template0;", //  6
  "\\connect shop", //  7
  "CREATE TABLE public.item (id bigint PRIMARY KEY, name text);", //  8
  "\\connect postgres", //  9
  "SET lock_timeout = 0;", // 10
  "COMMENT ON DATABASE postgres IS 'default';", // 11
  'CREATE DATABASE "Books";', // 12
  "\\connect -reuse-previous=on \"dbname='Books'\"", // 13
  "CREATE TABLE public.item (id bigint PRIMARY KEY, isbn text);", // 14
  "",
].join("\n");
const file = (text: string): InputFile => ({ path: "cluster.sql", text, bytes: Buffer.byteLength(text), encoding: "utf-8" });

describe("databases of a cluster dump", () => {
  it("reads the \\connect forms psql and pg_dump write", () => {
    expect(connectTarget("\\connect shop")).toBe("shop");
    expect(connectTarget("\\c chinook;")).toBe("chinook");
    expect(connectTarget('\\c "My ""DB"""')).toBe('My "DB"');
    // libpq conninfo escapes a quote with a backslash.
    expect(connectTarget("\\connect -reuse-previous=on \"dbname='it\\'s'\"")).toBe("it's");
    expect(connectTarget("\\connect - other_user")).toBeUndefined();
    expect(connectTarget("\\copy t from 'x'")).toBeUndefined();
  });

  it("lists the databases holding objects, not the template or the session setup of postgres", () => {
    expect(databasesIn(CLUSTER)).toEqual([
      { name: "shop", line: 7 },
      { name: "Books", line: 13 },
    ]);
    expect(databasesIn("CREATE TABLE t (id int);\n")).toEqual([]);
  });

  it("narrows the input to one database and the globals, lines unchanged", () => {
    const books = onlyDatabase(file(CLUSTER), "Books").text;
    expect(books.split("\n")).toHaveLength(CLUSTER.split("\n").length);
    expect(books).toContain("CREATE ROLE app;");
    expect(books.split("\n")[13]).toBe("CREATE TABLE public.item (id bigint PRIMARY KEY, isbn text);");
    expect(books).not.toMatch(/shop|name text/);
    expect(() => selectDatabase([file(CLUSTER)], "nope", (m) => new Error(m))).toThrow("--database nope: the inputs hold shop, Books");
  });

  it("the rewrite refuses to merge several databases into DSQL's one, naming them", async () => {
    await expect(rewrite([file(CLUSTER)])).rejects.toThrow(SeveralDatabasesError);
    await expect(rewrite([file(CLUSTER)])).rejects.toThrow(
      "cluster.sql holds 2 databases (shop from line 7, Books from line 13); a DSQL cluster has one database",
    );
    const rw = await rewrite(selectDatabase([file(CLUSTER)], "Books", (m) => new Error(m)));
    expect(rw.statements.map((s) => s.sql)).toEqual(["CREATE ROLE app;", "CREATE TABLE public.item (id bigint PRIMARY KEY, isbn text);"]);
  });
});
