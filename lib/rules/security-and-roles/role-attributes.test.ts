import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./role-attributes";

describe("role-attributes", () => {
  it("flags passwords, privileged attributes and connection limits", async () => {
    const sql =
      "CREATE ROLE app WITH LOGIN PASSWORD 'secret' CONNECTION LIMIT 20;\nALTER USER admin WITH SUPERUSER;\nALTER ROLE replicator WITH NOSUPERUSER NOCREATEDB REPLICATION NOBYPASSRLS;\nCREATE USER reporting VALID UNTIL '2030-01-01';";
    const found = await findingsOf(rule, sql);
    expect(found.map((f) => [f.line, f.object.name])).toEqual([
      [1, "app"],
      [2, "admin"],
      [3, "replicator"],
      [4, "reporting"],
    ]);
    expect(found[0].message).toContain("PASSWORD, CONNECTION LIMIT");
    expect(found[2].message).toContain("NOSUPERUSER, NOCREATEDB, REPLICATION, NOBYPASSRLS");
    expect(found[0].column).toBe(28);
  });

  it("accepts plain roles with LOGIN, INHERIT and membership", async () => {
    expect(
      await findingsOf(
        rule,
        "CREATE ROLE app WITH LOGIN;\nCREATE ROLE readers NOLOGIN;\nALTER ROLE app INHERIT;\nGRANT readers TO app;\nCREATE TABLE password (id int PRIMARY KEY);",
      ),
    ).toEqual([]);
  });
});
