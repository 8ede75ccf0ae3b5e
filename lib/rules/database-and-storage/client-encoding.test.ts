import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import { analyze } from "@/lib/analyze";
import { inputsFromBytes } from "@/lib/ingest/sources";
import rule from "./client-encoding";

describe("client-encoding", () => {
  it("warns about a non-UTF-8 client encoding, SET NAMES and set_config", async () => {
    const sql =
      "SET client_encoding = 'LATIN1';\nSET NAMES 'WIN1252';\nSELECT pg_catalog.set_config('client_encoding', 'SQL_ASCII', false);";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.severity])).toEqual([
      [1, "warning"],
      [2, "warning"],
      [3, "warning"],
    ]);
    expect(found[0].message).toContain("LATIN1");
    expect(await findingsOf("non-utf8-encoding", sql)).toEqual([]);
  });

  it("accepts UTF-8 in its spellings, and other settings", async () => {
    const sql =
      "SET client_encoding = 'UTF8';\nSET client_encoding TO 'utf-8';\nSET NAMES 'UNICODE';\nRESET client_encoding;\nSET standard_conforming_strings = on;\nSELECT 'SET client_encoding = LATIN1';\nSELECT pg_catalog.set_config('search_path', '', false);";
    expect(await findingsOf(rule, sql)).toEqual([]);
  });

  it("is the rewrite's to settle when the file was read in the encoding it declares", async () => {
    const bytes = Buffer.from(
      "SET client_encoding = 'LATIN1';\nCREATE TABLE menu (id int PRIMARY KEY, dish text DEFAULT 'crème');\n",
      "latin1",
    );
    const r = await analyze(inputsFromBytes("menu.sql", bytes));
    expect(r.findings.filter((f) => f.ruleId === rule.id).map((f) => [f.fix, f.message])).toEqual([
      [
        "auto",
        "client_encoding set to LATIN1: the file was read as LATIN1 and the rewrite writes it as UTF-8 without the setting; load any other data as UTF-8 too",
      ],
    ]);
  });
});
