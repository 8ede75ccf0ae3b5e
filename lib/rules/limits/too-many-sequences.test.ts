import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./too-many-sequences";

const sequences = (n: number) => Array.from({ length: n }, (_, i) => `CREATE SEQUENCE s${i} CACHE 1;`).join("\n");

describe("too-many-sequences", () => {
  it("flags more than 5,000 sequences, counting identity columns", async () => {
    const found = await findingsOf(
      rule,
      `${sequences(5000)}\nCREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY (CACHE 65536) PRIMARY KEY);`,
    );
    expect(found).toHaveLength(1);
    expect(found[0].line).toBe(1);
    expect(found[0].message).toContain("5001 sequences");
  });

  it("accepts 5,000 sequences, counting pg_dump's OWNED BY sequences only once", async () => {
    const sql = `${sequences(4999)}\nCREATE TABLE t (id serial PRIMARY KEY);\nCREATE SEQUENCE t_id_seq;`;
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
