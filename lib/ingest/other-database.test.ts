import { describe, expect, it } from "vitest";
import { decodeSql, InputError } from "./input";

const refusal = (name: string, text: string) => {
  try {
    decodeSql(name, Buffer.from(text));
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe("other-database");
    return (e as Error).message;
  }
  return undefined;
};

describe("dumps of other databases", () => {
  it("are refused by their dump tool's header, naming it and the way forward", () => {
    expect(refusal("shop.sql", "-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n-- Host: localhost\n")).toBe(
      "shop.sql: a MySQL dump (mysqldump's header `-- MySQL dump 10.13`), not PostgreSQL: this tool assesses PostgreSQL schemas; convert it to PostgreSQL first (pgloader, or AWS DMS Schema Conversion) and assess what that produces",
    );
    expect(refusal("m.sql", "-- MariaDB dump 10.19  Distrib 10.11.6-MariaDB\n")).toMatch(/^m\.sql: a MariaDB dump /);
    expect(refusal("s.sql", "USE [shop]\nGO\n/****** Object:  Table [dbo].[Users]    Script Date: 1/2/2024 ******/\n")).toMatch(
      /^s\.sql: a SQL Server script \(SSMS's `\/\*\*\*\*\*\* Object:` header\)/,
    );
    expect(refusal("l.sql", "PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE t(a);\nCOMMIT;\n")).toMatch(
      /^l\.sql: a SQLite dump/,
    );
  });

  it("a PostgreSQL file that only mentions them is read as usual", () => {
    expect(refusal("a.sql", "-- converted from a MySQL dump with pgloader\nCREATE TABLE t (id bigint PRIMARY KEY);\n")).toBeUndefined();
    expect(refusal("b.sql", `${"-- padding\n".repeat(500)}-- MySQL dump 10.13\nCREATE TABLE t (id int);\n`)).toBeUndefined();
    expect(refusal("c.sql", "PRAGMA is not PostgreSQL;\nCREATE TABLE t (id int);\n")).toBeUndefined();
  });
});
