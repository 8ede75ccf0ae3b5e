/** Every rule is complete: id equals its file name, metadata and docs are present, tests sit beside it. */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ALL_RULES } from "../lib/rules/all";
import { CATEGORIES, SEVERITIES } from "../lib/rules/core/rule";
import { parseCatalog, rulesByRow } from "../lib/rules/core/coverage";
import { NOT_DETECTABLE } from "../lib/rules/core/not-detectable";
import { renderCoverageDoc, renderRulesDoc } from "../lib/rules/core/docs";

const dir = join(__dirname, "..", "lib", "rules");
/** Rule files as "<category>/<id>.ts", from every folder but core/ (the shared machinery). */
const ruleFiles = readdirSync(dir, { recursive: true, encoding: "utf8" })
  .filter((f) => f.includes("/") && !f.startsWith("core/") && f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .filter((f) => /export default defineRule\(/.test(readFileSync(join(dir, f), "utf8")));
const fileOf = new Map(ruleFiles.map((f) => [f.slice(f.indexOf("/") + 1).replace(/\.ts$/, ""), f]));
const catalogPath = join(__dirname, "..", "..", "shared", "dsql-compat.md");

describe("rule registry", () => {
  it("registers every rule file exactly once", () => {
    expect(ALL_RULES.map((r) => r.id).sort()).toEqual([...fileOf.keys()].sort());
  });

  it("keeps each rule in the folder named after its category", () => {
    expect(ALL_RULES.filter((r) => fileOf.get(r.id) !== `${r.category}/${r.id}.ts`).map((r) => `${r.id}: ${fileOf.get(r.id)}`)).toEqual([]);
  });

  it("keeps only category folders, core/ and the generated index files in lib/rules", () => {
    const folders = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.filter((f) => f !== "core" && !(CATEGORIES as readonly string[]).includes(f))).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".ts"))).toEqual(["all.ts", "ids.ts"]);
  });

  for (const rule of ALL_RULES) {
    it(`${rule.id} is complete`, () => {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(SEVERITIES).toContain(rule.severity);
      expect(CATEGORIES).toContain(rule.category);
      expect(["auto", "manual"]).toContain(rule.fixKind);
      expect(["simple", "medium", "significant"]).toContain(rule.effort);
      expect(rule.docsUrl).toMatch(/^https:\/\//);
      expect(rule.title.length).toBeGreaterThan(3);
      expect(rule.why.length).toBeGreaterThan(20);
      expect(rule.fix.length).toBeGreaterThan(10);
      expect(rule.example.bad.length).toBeGreaterThan(0);
      expect(rule.example.good.length).toBeGreaterThan(0);
      if (rule.appliesFrom && rule.appliesUntil) expect(rule.appliesFrom.since < rule.appliesUntil.since).toBe(true);
      // The analyzer emits these itself (parse errors, kinds no rule reviews, rollback SQL it leaves out, placeholders).
      if (!["parse-error", "unreviewed-statement", "rollback-left-out", "migration-placeholder"].includes(rule.id))
        expect(rule.checkStatement || rule.checkModel, "a rule needs a check").toBeTruthy();
      if (rule.id !== "parse-error" && rule.id !== "unreviewed-statement") {
        expect(existsSync(join(dir, rule.category, `${rule.id}.test.ts`)), `lib/rules/${rule.category}/${rule.id}.test.ts`).toBe(true);
      }
    });
  }

  it("ids are unique", () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("catalog coverage", () => {
  const rows = parseCatalog(readFileSync(catalogPath, "utf8"));
  const byRow = rulesByRow();

  it("reads the catalog's numbered rows", () => {
    expect(rows.filter((r) => !r.row.startsWith("Q:")).length).toBeGreaterThanOrEqual(105);
  });

  it("maps every §1 row and §3 limit to a rule or a reason it cannot be detected from SQL text", () => {
    const missing = rows.filter((r) => !byRow.has(r.row) && !NOT_DETECTABLE[r.row]);
    expect(missing.map((r) => `${r.row} ${r.feature}`)).toEqual([]);
    expect(rows.filter((r) => r.row.startsWith("Q:")).length).toBeGreaterThanOrEqual(30);
  });

  it("cites only rows that exist, and explains only rows no rule detects", () => {
    const known = new Set(rows.map((r) => r.row));
    const cited = [...byRow.keys()].filter((k) => !/^[A-Z]:/.test(k) || k.startsWith("Q:"));
    expect(cited.filter((k) => !known.has(k))).toEqual([]);
    expect(Object.keys(NOT_DETECTABLE).filter((k) => !known.has(k))).toEqual([]);
    expect(Object.keys(NOT_DETECTABLE).filter((k) => byRow.has(k))).toEqual([]);
  });
});

describe("published rule docs", () => {
  it("docs/rules.md and docs/coverage.md match the rule files (run npm run docs:rules after changing a rule)", () => {
    const docs = join(__dirname, "..", "docs");
    expect(readFileSync(join(docs, "rules.md"), "utf8")).toBe(renderRulesDoc());
    expect(readFileSync(join(docs, "coverage.md"), "utf8")).toBe(renderCoverageDoc(readFileSync(catalogPath, "utf8")).text);
  });
});
