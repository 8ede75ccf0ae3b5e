/**
 * One source for every number: for each corpus file (read in place from ../shared/corpus), the report is
 * built the way the job and the CLI build it (rewrite → plan → report), and every view — CLI text, full
 * Markdown, summary Markdown, print/PDF HTML, JSON export, plan.md — must print the same figures from
 * lib/report/figures.ts under the same names.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPlan } from "../lib/plan/plan";
import { planMarkdown } from "../lib/plan/markdown";
import { buildReport } from "../lib/report/contract";
import { figuresOf, headline, hours, n, withFigures } from "../lib/report/figures";
import { reportHtml } from "../lib/report/html";
import { toMarkdown } from "../lib/report/markdown";
import { GITHUB_COMMENT_LIMIT, toMarkdownSummary } from "../lib/report/markdown-summary";
import { toText } from "../lib/report/text";
import { rewrite } from "../lib/rewrite/engine";
import { withRewrites } from "../lib/rewrite/report";

const CORPUS = join(__dirname, "..", "..", "shared", "corpus");
const files = readdirSync(CORPUS)
  .filter((f) => f.endsWith(".sql"))
  .sort();

describe.each(files)("figures of %s", (file) => {
  it("agree across the engine and every view", async () => {
    const text = readFileSync(join(CORPUS, file), "utf8");
    const rw = await rewrite([{ path: file, text, bytes: Buffer.byteLength(text), encoding: "utf-8" }]);
    const plan = buildPlan(rw);
    const report = withRewrites(buildReport(rw.analysis), rw, plan);
    const fg = figuresOf(report);

    // The figures are the engine's own numbers, not a recount that could drift.
    expect(fg.effort).toMatchObject({ ...plan.effort.total, basis: "plan" });
    expect(fg.dsqlStatements).toBe(rw.stats.emitted);
    expect(fg.sourceStatements).toBe(report.summary.statements);
    expect(fg.readiness.score).toBe(report.summary.readiness.score);
    expect(fg.objects?.rewritten).toBe(rw.objects.filter((o) => o.status === "rewritten").length);
    expect(fg.objects?.removed).toBe(rw.objects.filter((o) => o.status === "removed").length);
    expect(fg.cleanupStatements).toBe(rw.cleanup?.statements);
    expect(fg.manualWorkItems).toBe(rw.manual.length);
    // Every finding lands in exactly one bucket; problems group the ones needing a person.
    expect(fg.fixedByRewrite + fg.needsPerson.findings + fg.adviceOnly).toBe(report.findings.length);
    expect(fg.problems.reduce((a, p) => a + p.instances, 0)).toBe(fg.needsPerson.findings);
    expect(fg.needsPerson.problems).toBe(fg.problems.length);

    const h = headline(fg);
    const effort = hours(fg.effort);
    const views: Record<string, string> = {
      text: toText(report),
      markdown: toMarkdown(report),
      summary: toMarkdownSummary(report),
      html: reportHtml({ report, assessment: { name: file, source: file, createdAt: "2026-11-24", targetDate: report.targetDate } }),
    };
    for (const [view, out] of Object.entries(views)) {
      expect(out, view).toContain(effort);
      expect(out, view).toContain(`${fg.readiness.score}/100`);
      expect(out, view).toContain(n(fg.fixedByRewrite));
      expect(out, view).toContain(`${n(fg.needsPerson.problems)} problems`);
      expect(out, view).toContain(`${n(fg.dsqlStatements!)} DSQL statements`);
      expect(out, view).toContain(`${n(fg.objects!.rewritten)} objects rewritten`);
      expect(out, view).toContain(`${n(fg.manualWorkItems!)} manual work items`);
    }
    expect(views.text).toContain(h.rewrite!);
    expect(views.summary.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    const planMd = planMarkdown(plan, rw);
    expect(planMd).toContain(`**${fg.effort.low}–${fg.effort.high} h**`);
    expect(planMd).toContain(`${n(fg.dsqlStatements!)} DSQL statements`);
    expect(planMd).toContain(`${n(fg.objects!.rewritten)} objects rewritten`);
    const json = JSON.parse(JSON.stringify(withFigures(report)));
    expect(json.figures).toEqual(JSON.parse(JSON.stringify(fg)));
  });
});
