import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./key-too-wide";

describe("key-too-wide", () => {
  it("flags primary keys, unique constraints and indexes declaring more than 2,000 bytes", async () => {
    const sql = [
      "CREATE DOMAIN long_text AS varchar(1500);",
      "CREATE TABLE page (url varchar(2001) PRIMARY KEY, title long_text, lang char(600), id uuid);",
      "ALTER TABLE page ADD CONSTRAINT page_title_lang UNIQUE (title, lang);",
      "CREATE INDEX ASYNC page_title ON page (id, title, lang);",
    ].join("\n");
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [2, "page.primary key"],
      [3, "page.page_title_lang"],
      [4, "page_title"],
    ]);
    expect(found[0].message).toContain("declares 2001 key bytes (url varchar(2001) = 2001)");
    expect(found[2].message).toContain("2116 key bytes");
  });

  it("accepts varchar(2000), unbounded text keys and fixed-width keys", async () => {
    const sql =
      "CREATE TABLE a (k varchar(2000) PRIMARY KEY);\nCREATE TABLE b (k text PRIMARY KEY, n numeric(1000), t timestamptz, UNIQUE (n, t));\nCREATE INDEX ASYNC b_k ON b (k, t);";
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
