/**
 * Rollback migrations are left out, with a note: goose / dbmate down sections and down or undo files
 * paired with their up files. The harbor migration folder is turned into each tool's layout, with down
 * SQL that drops what the up SQL creates; the assessment must come out as for the up migrations alone.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, type AnalysisResult } from "../lib/analyze";
import type { InputFile } from "../lib/ingest/input";
import { scanScript } from "../lib/ingest/lex";
import { rollbackFiles } from "../lib/ingest/rollback";
import { rewrite } from "../lib/rewrite/engine";
import { renderPsqlScript } from "../lib/rewrite/render";

const HARBOR = join(__dirname, "..", "..", "shared", "corpus", "harbor-migrations");
const file = (path: string, text: string): InputFile => ({ path, text, bytes: Buffer.byteLength(text), encoding: "utf-8" });

function harborUps(): { name: string; up: string; down: string }[] {
  const names = readdirSync(HARBOR)
    .filter((n) => n.endsWith(".up.sql"))
    .sort();
  if (names.length === 0) throw new Error(`no harbor migrations at ${HARBOR}`);
  return names.map((name) => {
    const up = readFileSync(join(HARBOR, name), "utf8");
    const tables = [...up.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([\w."]+)/gi)].map((m) => m[1]);
    const down = tables.map((t) => `DROP TABLE IF EXISTS ${t} CASCADE;`).join("\n") || "SELECT 1;";
    return { name: name.replace(/\.up\.sql$/, ""), up, down };
  });
}

/** What the assessment says, apart from the rollback notes; lines shifted by the markers added above the up SQL. */
function assessment(r: AnalysisResult, lineShift = 0, rename = (p: string) => p) {
  return r.findings
    .filter((f) => f.ruleId !== "rollback-left-out")
    .map(
      (f) =>
        `${rename(f.file)}:${f.line - lineShift} ${f.ruleId} ${f.message.replace(/at line (\d+)/g, (_, l) => `at line ${Number(l) - lineShift}`)}`,
    )
    .sort();
}

describe("rollback migrations", () => {
  const ups = harborUps();
  const upOnly = () => analyze(ups.map((m) => file(`${m.name}.up.sql`, m.up)));

  it("leaves out golang-migrate .down.sql files paired with their .up.sql files, one note each", async () => {
    const base = await upOnly();
    const withDowns = await analyze(ups.flatMap((m) => [file(`${m.name}.down.sql`, m.down), file(`${m.name}.up.sql`, m.up)]));
    expect(assessment(withDowns)).toEqual(assessment(base));
    expect([...withDowns.model.tables.keys()].sort()).toEqual([...base.model.tables.keys()].sort());
    expect(base.model.tables.size).toBeGreaterThan(20);
    const notes = withDowns.findings.filter((f) => f.ruleId === "rollback-left-out");
    expect(notes).toHaveLength(ups.length);
    expect(notes[0]).toMatchObject({ severity: "advice", file: `${ups[0].name}.down.sql`, line: 1 });
    expect(notes[0].message).toContain(`it undoes ${ups[0].name}.up.sql`);
    expect(withDowns.files.find((f) => f.file === `${ups[0].name}.down.sql`)).toMatchObject({
      statements: 0,
      rollbackOf: `${ups[0].name}.up.sql`,
    });
  });

  for (const [tool, upMarker, downMarker] of [
    ["goose", "-- +goose Up", "-- +goose Down"],
    ["dbmate", "-- migrate:up", "-- migrate:down"],
  ]) {
    it(`leaves out ${tool}'s down sections: same findings and model as the up SQL alone`, async () => {
      const base = await upOnly();
      const inputs = ups.map((m) => file(`${m.name}.sql`, `${upMarker}\n${m.up}\n${downMarker}\n${m.down}\n`));
      const r = await analyze(inputs);
      expect(assessment(r, 1, (p) => p.replace(/\.sql$/, ".up.sql"))).toEqual(assessment(base));
      expect([...r.model.tables.keys()].sort()).toEqual([...base.model.tables.keys()].sort());
      const notes = r.findings.filter((f) => f.ruleId === "rollback-left-out");
      expect(notes).toHaveLength(ups.length);
      const upLines = ups[0].up.split("\n").length;
      expect(notes[0]).toMatchObject({ file: `${ups[0].name}.sql`, line: upLines + 2 });
      expect(notes[0].message).toMatch(
        new RegExp(`^${downMarker.replace("+", "\\+")} \\(lines ${upLines + 2}–\\d+\\) left out: this ${tool} down section`),
      );
      expect(r.files[0].rollbackSections).toEqual([{ line: upLines + 2, endLine: expect.any(Number), tool, marker: downMarker }]);
    });
  }

  it("rewrites goose migrations without their down sections", async () => {
    const inputs = ups.map((m) => file(`${m.name}.sql`, `-- +goose Up\n${m.up}\n-- +goose Down\n${m.down}\n`));
    const script = renderPsqlScript(await rewrite(inputs));
    expect(script).not.toMatch(/DROP TABLE IF EXISTS/);
    const again = await analyze([file("schema.dsql.sql", script)]);
    expect(again.findings.filter((f) => f.ruleId === "parse-error")).toEqual([]);
    expect(again.model.tables.size).toBe((await upOnly()).model.tables.size);
  });

  it("reads a section up to the next up marker, and no marker inside quoted SQL or mid-line", () => {
    const text = [
      "-- migrate:up",
      "CREATE TABLE a (id uuid PRIMARY KEY);",
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$",
      "-- migrate:down",
      "SELECT 1 $$;",
      "SELECT '-- +goose Down';  -- +goose Down",
      "--   +GOOSE   down",
      "DROP TABLE a;",
      "-- +goose Up",
      "CREATE TABLE b (id uuid PRIMARY KEY);",
      "-- +goose Downstream is not a marker",
      "CREATE TABLE c (id uuid PRIMARY KEY);",
    ].join("\n");
    const scan = scanScript(text);
    expect(scan.rollbackSections.map((r) => [text.slice(r.start, r.end).split("\n")[0], r.tool])).toEqual([
      ["--   +GOOSE   down", "goose"],
    ]);
    const statements = scan.statements.map((s) => text.slice(s.start, s.end).split(" ").slice(0, 3).join(" "));
    expect(statements).toEqual(["CREATE TABLE a", "CREATE FUNCTION f()", "SELECT '-- +goose", "CREATE TABLE b", "CREATE TABLE c"]);
    // The down section is blank for the parser, offsets unchanged.
    expect(scan.parseable).toHaveLength(text.length);
    expect(scan.parseable).not.toContain("DROP TABLE");
  });

  it("pairs down and undo files only with their up files; a down file alone is assessed", () => {
    const names = [
      "m/0001_init.up.sql",
      "m/0001_init.down.sql",
      "m/0002_x.down.sql",
      "diesel/2024-01-01-000000_init/up.sql",
      "diesel/2024-01-01-000000_init/down.sql",
      "diesel/2024-02-01-000000_more/down.sql",
      "flyway/V1.2__add.sql",
      "flyway/U1.2__add.sql",
      "flyway/U3__gone.sql",
    ];
    expect(Object.fromEntries(rollbackFiles(names.map((n) => file(n, "SELECT 1;"))))).toEqual({
      "m/0001_init.down.sql": { of: "m/0001_init.up.sql", kind: "down" },
      "diesel/2024-01-01-000000_init/down.sql": { of: "diesel/2024-01-01-000000_init/up.sql", kind: "down" },
      "flyway/U1.2__add.sql": { of: "flyway/V1.2__add.sql", kind: "down" },
    });
    expect(rollbackFiles([file("0001_init.down.sql", "DROP TABLE a;")]).size).toBe(0);
  });
});
