import { describe, expect, it } from "vitest";
import { findingsOf } from "@/test/rule-harness";
import rule from "./migration-placeholder";

describe("migration-placeholder", () => {
  it("notes each file's placeholders once, at the first, and assesses the SQL around them", async () => {
    const sql = "CREATE TABLE ${schema}.users (id serial PRIMARY KEY);\nGRANT SELECT ON ${schema}.users TO ${app_role};\n";
    const found = await findingsOf(rule, sql);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 1, severity: "advice" });
    expect(found[0].message).toBe(
      "migration placeholders ${schema} (2 uses), ${app_role} (1 use) are set by the migration tool when it runs: assessed as a name standing in for the value",
    );
    expect(await findingsOf("parse-error", sql)).toEqual([]);
    expect((await findingsOf("serial-type", sql)).map((f) => [f.object.schema, f.object.name])).toEqual([["${schema}", "users.id"]]);
  });

  it("says nothing of dollar quotes, $1 parameters or a brace that is not a placeholder", async () => {
    const sql = "CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS $$ SELECT $1 $$;\nSELECT '${not closed';\n";
    expect(await findingsOf(rule, sql)).toEqual([]);
  });
});
