import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./multiple-ddl-in-transaction";

describe("multiple-ddl-in-transaction", () => {
  it("flags a transaction with several DDL statements once, at the second; GRANT counts as DDL", async () => {
    const sql =
      "BEGIN;\nCREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY);\nCREATE TABLE c (id int PRIMARY KEY);\nCOMMIT;\nSTART TRANSACTION;\nCREATE TABLE d (id int PRIMARY KEY);\nGRANT SELECT ON d TO app;\nCOMMIT;";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => f.line)).toEqual([3, 8]);
    expect(found[0].message).toContain("begun at line 1");
  });

  it("accepts one DDL per transaction, autocommit DDL, and several ALTER TABLE actions in one statement", async () => {
    const sql =
      "CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY);\nBEGIN;\nALTER TABLE a ADD COLUMN x int, ADD COLUMN y int;\nCOMMIT;\nBEGIN;\nCREATE TABLE c (id int PRIMARY KEY);\nROLLBACK;\nBEGIN;\nCREATE TABLE d (id int PRIMARY KEY);\nSET search_path = public;\nSELECT 1;\nCOMMIT;";
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
