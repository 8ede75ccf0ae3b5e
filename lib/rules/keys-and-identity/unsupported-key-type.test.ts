import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./unsupported-key-type";

describe("unsupported-key-type", () => {
  it("flags PK, unique and index keys on jsonb, bytea, interval and timetz, including a PK added later", async () => {
    const sql = [
      "CREATE TABLE doc (body jsonb, hash bytea, span interval, at timetz);",
      "CREATE INDEX ASYNC doc_span ON doc (span);",
      "ALTER TABLE ONLY doc ADD CONSTRAINT doc_pkey PRIMARY KEY (body);",
      "ALTER TABLE doc ADD CONSTRAINT doc_hash_key UNIQUE (hash, at);",
    ].join("\n");
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name]).sort()).toEqual([
      [2, "doc_span"],
      [3, "doc.doc_pkey"],
      [4, "doc.doc_hash_key"],
      [4, "doc.doc_hash_key"],
    ]);
    expect(found.find((f) => f.line === 3)!.message).toContain("column body of type jsonb");
  });

  it("looks through domains", async () => {
    const found = await findingsOf(rule, "CREATE DOMAIN blob AS bytea;\nCREATE TABLE f (b blob PRIMARY KEY);");
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain("(bytea)");
  });

  it("flags numeric keys only before 2026-02-03", async () => {
    const sql = "CREATE TABLE p (price numeric(10,2) PRIMARY KEY);";
    expect(await findingsOf(rule, sql, "2026-02-02")).toHaveLength(1);
    expect(await findingsOf(rule, sql, "2026-02-03")).toEqual([]);
  });

  it("accepts keys on supported types and non-key jsonb columns", async () => {
    expect(
      await findingsOf(
        rule,
        "CREATE TABLE d (id uuid PRIMARY KEY, body jsonb, span interval);\nCREATE INDEX ASYNC d_x ON d ((body->>'x'));",
      ),
    ).toEqual([]);
  });
});
