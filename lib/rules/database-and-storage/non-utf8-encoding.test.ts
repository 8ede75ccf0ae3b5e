import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./non-utf8-encoding";

describe("non-utf8-encoding", () => {
  it("flags a non-UTF-8 client encoding, SET NAMES, set_config and CREATE DATABASE ENCODING", async () => {
    const sql = "SET client_encoding = 'LATIN1';\nSET NAMES 'WIN1252';\nSELECT pg_catalog.set_config('client_encoding', 'SQL_ASCII', false);\nCREATE DATABASE legacy ENCODING 'LATIN9';";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => f.line)).toEqual([1, 2, 3, 4]);
    expect(found[0].message).toContain("LATIN1");
    expect(found[3].message).toContain("database legacy");
  });

  it("accepts UTF-8 in its spellings, and other settings", async () => {
    const sql = "SET client_encoding = 'UTF8';\nSET client_encoding TO 'utf-8';\nSET NAMES 'UNICODE';\nRESET client_encoding;\nSET standard_conforming_strings = on;\nSELECT 'SET client_encoding = LATIN1';\nSELECT pg_catalog.set_config('search_path', '', false);";
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
