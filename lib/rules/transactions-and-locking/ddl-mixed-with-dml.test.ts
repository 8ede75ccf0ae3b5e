import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./ddl-mixed-with-dml";

describe("ddl-mixed-with-dml", () => {
  it("flags the first statement that mixes DDL and DML in a transaction, either way round", async () => {
    const sql =
      "BEGIN;\nCREATE TABLE language (id int PRIMARY KEY, name text);\nINSERT INTO language VALUES (1, 'English');\nINSERT INTO language VALUES (2, 'French');\nCOMMIT;\nBEGIN;\nUPDATE language SET name = 'en';\nGRANT SELECT ON language TO app;\nCOMMIT;";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => f.line)).toEqual([3, 8]);
    expect(found[0].message).toContain("data changes follow DDL in the transaction begun at line 1");
    expect(found[1].message).toContain("DDL follows data changes");
  });

  it("accepts DDL and DML in separate transactions, and queries beside DDL", async () => {
    const sql =
      "CREATE TABLE language (id int PRIMARY KEY);\nINSERT INTO language VALUES (1);\nBEGIN;\nCREATE INDEX ASYNC l ON language (id);\nSELECT count(*) FROM language;\nCOMMIT;\nBEGIN;\nINSERT INTO language VALUES (2);\nDELETE FROM language WHERE id = 1;\nCOMMIT;";
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
