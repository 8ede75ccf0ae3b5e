/**
 * The Overview answers "how ready" and "what is the real work" with the engine's figures, and every page
 * and export shows the same numbers: the JSON export's `figures`, the Plan, the Rewrites page, the
 * Markdown summary and the CLI's `rewrite` report for the same file. Screenshots at 1440×900 land in
 * test-results/screens/.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assessSql, CORPUS, expect, ROOT, screenshot, test } from "./helpers";

const FILE = "danbooru-structure.sql";
const fmt = (x: number) => x.toLocaleString("en-US");
const hours = (h: { low: number; high: number }) => `${fmt(h.low)}–${fmt(h.high)} h`;

let id = "";

test.beforeAll(async ({ request }) => {
  id = await assessSql(request, "danbooru overview", readFileSync(join(CORPUS, FILE), "utf8"));
});

test("Overview: readiness, then fixed by the rewrite and needs a person; numbers agree with Plan, Rewrites, exports and the CLI", async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const json = await (await request.get(`/api/assessments/${id}/export?format=json`)).json();
  const fg = json.figures;
  expect(fg.problems.length).toBeGreaterThan(0);

  await page.goto(`/assessments/${id}`);
  await expect(page.getByTestId("readiness-score")).toHaveText(String(fg.readiness.score));
  await expect(page.getByTestId("effort-range")).toHaveText(hours(fg.effort));
  await expect(page.getByTestId("fixed-count")).toHaveText(fmt(fg.fixedByRewrite));
  await expect(page.getByTestId("problem-count")).toHaveText(fmt(fg.needsPerson.problems));
  await expect(page.getByTestId("rewrite-figures")).toContainText(`${fmt(fg.dsqlStatements)} DSQL statements`);
  await expect(page.getByTestId("effort-chart").locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByTestId("severity-chart")).toHaveCount(0);
  // Problems are ranked by effort and lead to their checklist group.
  const first = fg.problemGroups[0];
  const link = page.getByTestId("problem-groups").getByRole("link").first();
  await expect(link).toHaveText(first.title);
  await screenshot(page, "overview-1440", false);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/checklist\\?rule=${first.ruleId}`));

  await page.goto(`/assessments/${id}/plan`);
  await expect(page.getByTestId("plan-effort")).toContainText(hours(fg.effort));
  await expect(page.getByTestId("plan-progress")).toContainText(/0 of \d+ steps done/);
  await page.goto(`/assessments/${id}/rewrites`);
  await expect(page.getByTestId("rewrite-figures")).toContainText(`${fmt(fg.dsqlStatements)} DSQL statements`);
  await expect(page.getByTestId("rewrite-figures")).toContainText(`${fmt(fg.objects.rewritten)} objects rewritten`);
  await expect(page.getByTestId("rewrite-figures")).toContainText(`${fmt(fg.manualWorkItems)} manual work items`);

  // The summary fits one GitHub comment and carries the same figures; the full report stays separate.
  const summary = await (await request.get(`/api/assessments/${id}/export?format=summary`)).text();
  expect(summary.length).toBeLessThan(65_536);
  expect(summary).toContain(hours(fg.effort));
  expect(summary).toContain(`${fmt(fg.needsPerson.problems)} problems`);
  const full = await (await request.get(`/api/assessments/${id}/export?format=md`)).text();
  expect(full).toContain(hours(fg.effort));
  expect(full.length).toBeGreaterThan(summary.length);

  // The CLI's rewrite of the same file reports the same figures.
  const out = mkdtempSync(join(tmpdir(), "overview-cli-"));
  execFileSync(process.execPath, [join(ROOT, "bin", "dsql-preflight.js"), "rewrite", join(CORPUS, FILE), "--out", out, "--key-strategy", json.assessment.options.keyStrategy, "--target-date", json.assessment.options.targetDate], { stdio: "pipe" });
  const cli = JSON.parse(readFileSync(join(out, "report.json"), "utf8")).figures;
  for (const k of ["readiness", "effort", "dsqlStatements", "objects", "manualWorkItems", "fixedByRewrite", "needsPerson"]) expect(cli[k], k).toEqual(fg[k]);
});

test("small things: favicon, who ran it, activity names the finding, share link has a Copy button", async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/assessments/${id}/history`);
  await expect(page.locator("link[rel=icon]")).toHaveCount(1);
  expect((await request.get((await page.locator("link[rel=icon]").getAttribute("href"))!)).status()).toBe(200);
  const run = page.getByRole("row").nth(1);
  await expect(run).toContainText("Ada Admin");

  // A review change shows up in the activity as the finding's title and object, not "#idx" or an API path.
  const { state } = await (await request.get(`/api/assessments/${id}/findings/0`)).json();
  const title: string = (await (await request.get(`/api/assessments/${id}/report`)).json()).findings[0].title;
  const patched = await request.patch(`/api/assessments/${id}/findings/0`, { data: { version: state.version, status: "accepted" } });
  expect(patched.status()).toBe(200);
  await page.goto(`/assessments/${id}/activity`);
  const ev = page.getByTestId("audit-finding").first();
  await expect(ev).toContainText(title);
  await expect(page.getByTestId("activity")).not.toContainText(/#\d+|\/api\//);

  await page.goto(`/assessments/${id}/share`);
  await page.getByRole("button", { name: "Create share link" }).click();
  await expect(page.getByTestId("share-url")).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  await screenshot(page, "share-link-copy", false);
});
