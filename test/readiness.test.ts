/**
 * Readiness adds up: for every corpus input, the printed formula applied to the printed inputs gives the
 * printed score and band, and the inputs are the report's own problem, object and effort figures.
 */
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../lib/analyze";
import { readInputs } from "../lib/ingest/sources";
import { objectCount } from "../lib/model/schema";
import { buildReport, READINESS_FORMULA } from "../lib/report/contract";

const corpus = join(__dirname, "..", "..", "shared", "corpus");
const inputs = [
  ...readdirSync(corpus)
    .filter((f) => f.endsWith(".sql"))
    .sort(),
  "harbor-migrations",
];
const BANDS = ["ready", "low effort", "moderate effort", "significant effort", "high effort"];

/** The formula as READINESS_FORMULA states it, written out again here. */
function byFormula(i: { objects: number; blockerProblems: number; warningProblems: number; effortHoursHigh: number }) {
  let score = Math.max(0, Math.round(100 * (1 - (i.blockerProblems + 0.5 * i.warningProblems) / i.objects)));
  if (i.blockerProblems > 0) score = Math.min(score, 89);
  const h = i.effortHoursHigh;
  const band =
    i.blockerProblems === 0 && h <= 8
      ? "ready"
      : h <= 40
        ? "low effort"
        : h <= 160
          ? "moderate effort"
          : h <= 640
            ? "significant effort"
            : "high effort";
  return { score, band };
}

describe("readiness", () => {
  for (const name of inputs) {
    it(`${name}: the formula applied to the printed inputs gives the printed score and band`, async () => {
      const result = await analyze(readInputs([join(corpus, name)]));
      const { summary } = buildReport(result);
      const r = summary.readiness;
      expect(r.formula).toBe(READINESS_FORMULA);
      expect(r.inputs).toEqual({
        objects: objectCount(result.model),
        blockerProblems: summary.problems.needPerson.blocker,
        warningProblems: summary.problems.needPerson.warning,
        effortHoursHigh: summary.effortHours.high,
      });
      expect({ score: r.score, band: r.band }).toEqual(byFormula(r.inputs));
    });
  }

  it("a huge schema full of blockers is never a smaller job than a short script with a few", async () => {
    const big = buildReport(await analyze(readInputs([join(corpus, "rnacentral-rna.sql")]))).summary;
    const snippet =
      "CREATE TABLE t (id serial PRIMARY KEY, a int[], b tsvector);\nCREATE TRIGGER x BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();\nTRUNCATE t;\nLOCK TABLE t;\nSELECT pg_advisory_lock(1);";
    const small = buildReport(await analyze([{ path: "s.sql", text: snippet, bytes: snippet.length, encoding: "utf-8" }])).summary;
    expect(small.bySeverity.blocker).toBeGreaterThanOrEqual(5);
    expect(big.bySeverity.blocker).toBeGreaterThan(1000);
    expect(BANDS.indexOf(big.readiness.band)).toBeGreaterThan(BANDS.indexOf(small.readiness.band));
  });

  it("counts the objects declared inside CREATE SCHEMA", async () => {
    const sql = "CREATE SCHEMA app CREATE TABLE a (id int PRIMARY KEY) CREATE VIEW v AS SELECT id FROM a;";
    const result = await analyze([{ path: "s.sql", text: sql, bytes: sql.length, encoding: "utf-8" }]);
    expect([...result.model.tables.keys(), ...result.model.views.keys()]).toEqual(["app.a", "app.v"]);
    expect(buildReport(result).summary.readiness.inputs.objects).toBe(3);
  });
});
