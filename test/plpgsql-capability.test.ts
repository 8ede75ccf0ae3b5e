/**
 * PL/pgSQL support has an approximate date. Across it, on every corpus file, the only findings that
 * change are the ones the capability retires (PL/pgSQL functions, procedures, CALL, DO) and, after it,
 * what the analysis of routine bodies adds; reports state that the date is approximate.
 */
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../lib/analyze";
import { readInputs } from "../lib/ingest/sources";
import { buildReport } from "../lib/report/contract";
import { toMarkdown } from "../lib/report/markdown";
import { toText } from "../lib/report/text";
import { CAPABILITIES } from "../lib/rules/core/capabilities";
import type { Finding } from "../lib/rules/core/rule";

const corpus = join(__dirname, "..", "..", "shared", "corpus");
const inputs = [
  ...readdirSync(corpus)
    .filter((f) => f.endsWith(".sql"))
    .sort(),
  "harbor-migrations",
];
const BEFORE = "2026-09-15";
const RETIRED = new Set(["non-sql-function", "do-block", "procedure"]);
const BODY_RULES = new Set(["exception-block", "unverifiable-routine-sql", "row-by-row-write", "trigger-function"]);
const key = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`;

describe("PL/pgSQL capability", () => {
  it("has an approximate date that reports must qualify", () => {
    expect(CAPABILITIES.plpgsql).toMatchObject({
      since: "2026-11-24",
      approximate: true,
      note: "documented by 2026-11-24; AWS has not published a launch date",
    });
    expect(CAPABILITIES.plpgsql.source).toBe("https://docs.aws.amazon.com/aurora-dsql/latest/userguide/working-with-plpgsql.html");
  });

  for (const name of inputs) {
    it(`${name}: before the capability every PL/pgSQL routine and DO block is a blocker; after it only body findings are new`, async () => {
      const files = readInputs([join(corpus, name)]);
      const before = await analyze(files, { targetDate: BEFORE });
      const after = await analyze(files, { targetDate: CAPABILITIES.plpgsql.since });
      const plpgsqlFunctions = before.model.routines.filter((r) => r.kind === "function" && r.language === "plpgsql").length;
      const procedures = before.model.routines.filter((r) => r.kind === "procedure").length;
      expect(before.findings.filter((f) => f.ruleId === "non-sql-function" && f.message.includes(" plpgsql;"))).toHaveLength(
        plpgsqlFunctions,
      );
      expect(before.findings.filter((f) => f.ruleId === "procedure" && f.message.startsWith("procedure "))).toHaveLength(procedures);
      const afterKeys = new Set(after.findings.map(key));
      const beforeKeys = new Set(before.findings.map(key));
      // Everything that disappears was retired by the capability…
      const gone = before.findings.filter((f) => !afterKeys.has(key(f)));
      // or was found by scanning a body's text and is now reported at the statement inside that body.
      const fresh = after.findings.filter((x) => !beforeKeys.has(key(x)));
      for (const f of gone) {
        const moved = fresh.some(
          (g) => g.ruleId === f.ruleId && g.file === f.file && g.statementIndex === f.statementIndex && g.message.startsWith("when "),
        );
        expect(RETIRED.has(f.ruleId) || moved, key(f)).toBe(true);
      }
      expect(after.findings.filter((f) => RETIRED.has(f.ruleId) && f.message.includes("plpgsql"))).toEqual([]);
      // …and everything that appears comes from inside a routine body.
      for (const f of after.findings.filter((x) => !beforeKeys.has(key(x))))
        expect(BODY_RULES.has(f.ruleId) || f.message.startsWith("when "), key(f)).toBe(true);
    });
  }

  it("reports say the capability date is approximate and how old the newest capability is", async () => {
    const result = await analyze([{ path: "a.sql", text: "CREATE TABLE t (id int PRIMARY KEY);", bytes: 36, encoding: "utf-8" }]);
    const report = buildReport(result, new Date("2026-12-04T10:00:00Z"));
    expect(report.capability.newest).toMatchObject({ id: "plpgsql", since: "2026-11-24", approximate: true, ageDays: 10 });
    const line =
      "newest DSQL capability assessed: PL/pgSQL functions and procedures, user CALL and DO blocks, since 2026-11-24 (approximate: documented by 2026-11-24; AWS has not published a launch date), 10 days old";
    expect(toText(report)).toContain(line);
    expect(toMarkdown(report)).toContain(line);
    const older = buildReport(
      await analyze([{ path: "a.sql", text: "SELECT 1;", bytes: 9, encoding: "utf-8" }], { targetDate: BEFORE }),
      new Date("2026-09-20T00:00:00Z"),
    );
    expect(older.capability).toMatchObject({ newest: { id: "partial-indexes", approximate: false, ageDays: 5 }, approximate: [] });
  });
});
