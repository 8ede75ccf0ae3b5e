import { describe, expect, it } from "vitest";
import { checkEditedObject, EditCheckError, MAX_EDIT_CHARS } from "./check-edit";
import { rewrite } from "./engine";

const SCHEMA = `CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TABLE person (id serial PRIMARY KEY, name text, feeling mood);
CREATE TABLE visit (id bigint PRIMARY KEY, person_id integer REFERENCES person (id), at timestamptz);
CREATE INDEX visit_at ON visit (at);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.at = now(); RETURN NEW; END $$;
`;

async function rewritten() {
  const r = await rewrite([{ path: "s.sql", text: SCHEMA, bytes: SCHEMA.length, encoding: "utf-8" }]);
  const objects = r.objects.map((o, index) => ({
    index,
    status: o.status,
    rewritten: o.rewritten,
    name: o.object.name,
    label: `${o.object.schema}.${o.object.name}`,
  }));
  const indexOf = (name: string) => objects.find((o) => o.name === name)!.index;
  return { objects, indexOf, targetDate: r.analysis.targetDate };
}

describe("checking an edited object among the other rewritten objects", () => {
  it("the rewrite's own DDL for an object checks clean of blockers", async () => {
    const { objects, indexOf, targetDate } = await rewritten();
    const visit = objects[indexOf("visit")];
    const r = await checkEditedObject(objects, visit.index, visit.rewritten, targetDate);
    expect(r.statements).toBeGreaterThan(0);
    expect(r.findings.filter((f) => f.severity === "blocker")).toEqual([]);
    expect(r.contextObjects).toBeGreaterThan(0);
  });

  it("finds what an edit brings back, at the edit's own lines", async () => {
    const { objects, indexOf, targetDate } = await rewritten();
    const sql =
      "-- my version\nCREATE TABLE visit (\n  id bigserial PRIMARY KEY,\n  person_id bigint,\n  at timestamptz\n);\nCREATE INDEX visit_at ON visit (at);\n";
    const r = await checkEditedObject(objects, indexOf("visit"), sql, targetDate);
    const byRule = Object.fromEntries(r.findings.map((f) => [f.ruleId, f]));
    expect(byRule["serial-type"]).toMatchObject({ severity: "blocker", line: 3 });
    expect(byRule["index-not-async"]).toMatchObject({ severity: "blocker", line: 7, column: 1 });
    expect(r.statements).toBe(2);
  });

  it("resolves names against the other objects: a column of the schema's enum type is flagged as such", async () => {
    const { objects, indexOf, targetDate } = await rewritten();
    // The rewrite turned the enum into text; an edit that uses the enum again is caught only because the
    // context still declares the type (here: kept by an edit of another object that re-creates it).
    const withEnum = objects.map((o) =>
      o.name === "mood" ? { ...o, status: "rewritten", rewritten: "CREATE TYPE mood AS ENUM ('ok', 'sad');" } : o,
    );
    const r = await checkEditedObject(
      withEnum,
      indexOf("person"),
      "CREATE TABLE person (id bigint PRIMARY KEY, feeling mood);",
      targetDate,
    );
    expect(r.findings.map((f) => f.ruleId)).toContain("enum-type");
    // Alone, `mood` is an unknown type: no enum finding.
    const alone = await checkEditedObject(
      [{ index: 0, status: "rewritten", rewritten: "" }],
      0,
      "CREATE TABLE person (id bigint PRIMARY KEY, feeling mood);",
      targetDate,
    );
    expect(alone.findings.map((f) => f.ruleId)).not.toContain("enum-type");
  });

  it("past the context limit, checks among the objects the edit names, and says so", async () => {
    const { objects, indexOf, targetDate } = await rewritten();
    const withEnum = objects.map((o) =>
      o.name === "mood" ? { ...o, status: "rewritten", rewritten: "CREATE TYPE mood AS ENUM ('ok', 'sad');" } : o,
    );
    const sql = "CREATE TABLE person (id bigint PRIMARY KEY, feeling mood);";
    const whole = await checkEditedObject(withEnum, indexOf("person"), sql, targetDate);
    expect(whole.context).toBe("all");
    const named = await checkEditedObject(withEnum, indexOf("person"), sql, targetDate, 10);
    expect(named).toMatchObject({ context: "named", contextObjects: 1 });
    expect(named.findings.map((f) => f.ruleId)).toContain("enum-type");
  });

  it("reports a parse error in the edit with its line, and nothing from the context", async () => {
    const { objects, indexOf, targetDate } = await rewritten();
    const r = await checkEditedObject(
      objects,
      indexOf("visit"),
      "CREATE TABLE visit (id bigint PRIMARY KEY);\nCREATE TABEL oops (x int);\n",
      targetDate,
    );
    const parse = r.findings.filter((f) => f.ruleId === "parse-error");
    expect(parse).toHaveLength(1);
    expect(parse[0].line).toBe(2);
    expect(parse[0].message).toMatch(/syntax error/);
  });

  it("follows the assessment's DSQL date", async () => {
    const { objects, indexOf } = await rewritten();
    const sql = "CREATE TABLE visit (id bigint PRIMARY KEY, person_id bigint REFERENCES person (id), data jsonb);";
    const now = await checkEditedObject(objects, indexOf("visit"), sql, "2026-11-24");
    const before = await checkEditedObject(objects, indexOf("visit"), sql, "2025-06-01");
    expect(now.findings.map((f) => f.ruleId)).not.toContain("foreign-key");
    expect(before.findings.map((f) => f.ruleId)).toContain("foreign-key");
    expect(before.targetDate).toBe("2025-06-01");
  });

  it("checks SQL that belongs to no object (a statement that did not parse) after all of them", async () => {
    const { objects, targetDate } = await rewritten();
    const r = await checkEditedObject(
      objects,
      undefined,
      "ALTER TABLE visit ADD COLUMN note text;\nCREATE INDEX visit_note ON visit (note);",
      targetDate,
    );
    expect(r.contextObjects).toBe(objects.filter((o) => o.rewritten && o.status !== "removed" && o.status !== "manual").length);
    expect(r.findings.map((f) => [f.ruleId, f.line])).toEqual([["index-not-async", 2]]);
  });

  it("refuses an empty, oversized or binary edit and an object the rewrite does not have, saying which", async () => {
    const { objects, targetDate } = await rewritten();
    await expect(checkEditedObject(objects, 0, "  \n", targetDate)).rejects.toThrow(new EditCheckError("the SQL to check is empty"));
    await expect(checkEditedObject(objects, 0, "x".repeat(MAX_EDIT_CHARS + 1), targetDate)).rejects.toThrow(/the limit is 262,144/);
    await expect(checkEditedObject(objects, 0, "SELECT 1;\0", targetDate)).rejects.toThrow(/NUL character/);
    await expect(checkEditedObject(objects, 999, "SELECT 1;", targetDate)).rejects.toThrow(/no object #999/);
  });
});
