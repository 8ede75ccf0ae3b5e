import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./transaction-row-limit";

const values = (n: number) => Array.from({ length: n }, (_, i) => `(${i})`).join(",");

describe("transaction-row-limit", () => {
  it("flags one INSERT … VALUES with more than 3,000 rows", async () => {
    const found = await findingsOf(rule, `SELECT 1;\nINSERT INTO track VALUES ${values(3001)};`);
    expect(found).toHaveLength(1);
    expect(found[0].line).toBe(2);
    expect(found[0].message).toContain("3001 rows");
  });

  it("flags a transaction whose inserts add up past 3,000, once, at the crossing statement", async () => {
    const sql = `BEGIN;\nINSERT INTO t VALUES ${values(2000)};\nINSERT INTO t VALUES ${values(1500)};\nINSERT INTO t VALUES ${values(10)};\nCOMMIT;`;
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => f.line)).toEqual([3]);
    expect(found[0].message).toContain("begun on line 1");
  });

  it("accepts 3,000 rows, and separate transactions under the limit", async () => {
    const sql = `INSERT INTO t VALUES ${values(3000)};\nBEGIN;\nINSERT INTO t VALUES ${values(2000)};\nCOMMIT;\nBEGIN;\nINSERT INTO t VALUES ${values(2000)};\nCOMMIT;\nINSERT INTO t SELECT generate_series(1, 10);`;
    expect(await findingsOf(rule, sql)).toEqual([]);
  });

  it("counts the rows of a COPY … FROM stdin (pg_dump's default data form), one per data line", async () => {
    const copy = (n: number) => `COPY public.track (id) FROM stdin;\n${Array.from({ length: n }, (_, i) => i).join("\n")}\n\\.\n`;
    const found = await findingsOf(rule, `SELECT 1;\n${copy(3001)}${copy(3000)}`);
    expect(found).toHaveLength(1);
    expect(found[0].line).toBe(2);
    expect(found[0].message).toBe("COPY into track writes 3001 rows in one statement; DSQL allows 3,000 per transaction");
    const inTxn = await findingsOf(rule, `BEGIN;\n${copy(2000)}INSERT INTO track VALUES ${values(1001)};\nCOMMIT;`);
    expect(inTxn.map((f) => f.line)).toEqual([2 + 2000 + 2]);
  });
});
