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

test("Overview: readiness, then fixed by the rewrite and needs a person; numbers agree with Plan, Rewrites, exports and the CLI", async ({
  page,
  request,
}) => {
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
  execFileSync(
    process.execPath,
    [
      join(ROOT, "bin", "dsql-preflight.js"),
      "rewrite",
      join(CORPUS, FILE),
      "--out",
      out,
      "--key-strategy",
      json.assessment.options.keyStrategy,
      "--target-date",
      json.assessment.options.targetDate,
    ],
    { stdio: "pipe" },
  );
  const cli = JSON.parse(readFileSync(join(out, "report.json"), "utf8")).figures;
  for (const k of ["readiness", "effort", "dsqlStatements", "objects", "manualWorkItems", "fixedByRewrite", "needsPerson"])
    expect(cli[k], k).toEqual(fg[k]);
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

test("checklist: leads with what needs a person, groups collapse, facet counts follow filters and saved reviews", async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const fg = (await (await request.get(`/api/assessments/${id}/export?format=json`)).json()).figures;
  await page.goto(`/assessments/${id}/checklist`);
  await expect(page.locator("[data-testid=checklist][data-hydrated=true]")).toBeVisible();
  // Default grouping is by rule with the rule needing the most work first (the Overview's first problem group).
  const firstGroup = page.getByTestId("finding-group").first();
  await expect(firstGroup).toHaveAttribute("data-group", fg.problemGroups[0].ruleId);
  await expect(firstGroup).toContainText("need a person");
  await screenshot(page, "checklist-1440", false);

  // Collapsing a group hides its findings on the page.
  const rowsBefore = await page.getByTestId("finding").count();
  await firstGroup.getByRole("button").click();
  await expect(firstGroup.getByRole("button")).toHaveAttribute("aria-expanded", "false");
  expect(await page.getByTestId("finding").count()).toBeLessThan(rowsBefore);
  await firstGroup.getByRole("button").click();

  // Facets follow the other filters: with Warnings selected, category counts add up to the warnings.
  const severity = page.getByRole("group", { name: "Severity" });
  await severity.getByRole("button", { name: /^Warning/ }).click();
  await expect(page.getByTestId("checklist-count")).toContainText(`of ${fg.bySeverity.warning} findings`);
  const category = page.getByRole("group", { name: "Category" });
  const counts = await category
    .getByRole("button")
    .evaluateAll((els) => els.map((e) => Number(e.querySelector("span")?.textContent ?? "0")));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(fg.bySeverity.warning);
  // Severity's own counts do not narrow to the selection.
  await expect(severity.getByRole("button", { name: /^Blocker/ })).toContainText(
    fg.bySeverity.blocker.toLocaleString("en-US").replace(/,/g, ""),
  );

  // Saving a review moves the finding between status counts at once.
  const status = page.getByRole("group", { name: "Status" });
  const openBefore = Number(await status.getByRole("button", { name: /^Open/ }).locator("span").textContent());
  const row = page.getByTestId("finding").first();
  await row.getByRole("button").first().click();
  await row.getByTestId("finding-detail").getByLabel("Review status").selectOption("done");
  await row.getByTestId("finding-detail").getByRole("button", { name: "Save review" }).click();
  await expect(row.getByTestId("finding-detail").getByRole("status")).toHaveText("Saved");
  await expect(status.getByRole("button", { name: /^Open/ }).locator("span")).toHaveText(String(openBefore - 1));
  await expect(status.getByRole("button", { name: /^Done/ }).locator("span")).toHaveText("1");
});

test("PDF: shows progress while rendering; the cover answers both questions and the Message and Status columns stay on the page", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const fg = (await (await request.get(`/api/assessments/${id}/export?format=json`)).json()).figures;
  await page.goto(`/assessments/${id}`);
  const button = page.getByTestId("export-pdf");
  const downloading = page.waitForEvent("download", { timeout: 120_000 });
  await button.click();
  await expect(button).toContainText("Rendering PDF");
  await screenshot(page, "pdf-progress", false);
  const file = (await (await downloading).path())!;
  await expect(button).toHaveText("PDF");
  const text = execFileSync("pdftotext", [file, "-"])
    .toString()
    .replace(/-\s*\n\s*/g, "-")
    .replace(/\s+/g, " ");
  expect(text).toContain("Fixed by the rewrite");
  expect(text).toContain("Needs a person");
  expect(text).toContain(`${fmt(fg.needsPerson.problems)} problems`);
  expect(text).toContain(hours(fg.effort));
  for (const column of ["Severity", "Rule", "Object", "Location", "Message", "Status"]) expect(text, column).toContain(column);
  // The longest identifier of the report is printed whole (wrapped, not cut off at the page edge).
  const longest = fg.problems
    .map((p: { object: string }) => p.object.split(" ").pop()!)
    .sort((a: string, b: string) => b.length - a.length)[0];
  expect(text.replace(/\s+/g, "")).toContain(longest);
});

test("rewrites list: filters as you type, every object reachable (no cap), full name on hover", async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const fg = (await (await request.get(`/api/assessments/${id}/export?format=json`)).json()).figures;
  const changed = fg.objects.total - fg.objects.unchanged;
  expect(changed).toBeGreaterThan(500);
  await page.goto(`/assessments/${id}/rewrites`);
  const count = page.getByTestId("rewrite-count");
  await expect(count).toHaveText(`${fmt(changed)} of ${fmt(fg.objects.total)} objects`);
  // The last object is reachable by scrolling: nothing is cut at 500.
  const list = page.getByRole("region", { name: "Objects" }).or(page.locator("[aria-label=Objects][tabindex='0']"));
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const rows = page.getByTestId("rewrite-objects").getByRole("link");
  await expect(rows.last()).toBeVisible();
  const lastTitle = (await rows.last().getAttribute("title"))!;
  expect(lastTitle.length).toBeGreaterThan(3);
  // Typing filters at once, without a page load.
  const name = lastTitle.split(" ").slice(1).join(" ");
  const url = page.url();
  await page.getByTestId("rewrite-filter").fill(name);
  await expect(rows.first()).toHaveAttribute("title", new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  expect(page.url()).toBe(url);
  await expect(count).not.toHaveText(`${fmt(changed)} of ${fmt(fg.objects.total)} objects`);
  await screenshot(page, "rewrites-filter", false);
});

test("plan as a runbook: per-table load steps are one step with a table and its own progress; n of N done; deletion protection on", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/assessments/${id}/plan`);
  const load = page.locator("#data").getByTestId("plan-table-steps");
  await expect(load).toBeVisible();
  const tables = await load.getByRole("listitem").count();
  expect(tables).toBeGreaterThan(6);
  await expect(load.getByTestId("plan-table-progress")).toHaveText(`0 of ${tables} loaded`);
  await expect(page.getByTestId("plan-progress")).toContainText(/0 of \d+ steps done/);
  await load.getByTestId("plan-check").first().getByRole("checkbox").check();
  await expect(load.getByTestId("plan-check").first().getByTestId("plan-check-by")).toContainText("Ada Admin");
  // The phase's and the plan's progress follow the check at once, before any reload.
  await expect(load.getByTestId("plan-table-progress")).toHaveText(`1 of ${tables} loaded`);
  await expect(load.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1");
  await expect(page.getByTestId("plan-progress")).toContainText(/1 of \d+ steps done/);
  await page.reload();
  await expect(page.locator("#data").getByTestId("plan-table-progress")).toHaveText(`1 of ${tables} loaded`);
  await expect(page.getByTestId("plan-progress")).toContainText(/1 of \d+ steps done/);
  await expect(page.getByText("--deletion-protection-enabled").first()).toBeAttached();
  await expect(page.getByText("--no-deletion-protection-enabled")).toHaveCount(0);
  await screenshot(page, "plan-runbook", false);
});

// pg_dump --clean --if-exists: session set-up, the drops of a previous restore, then the schema.
const CLEAN_DUMP = `SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
ALTER TABLE IF EXISTS ONLY public.child DROP CONSTRAINT IF EXISTS child_parent_id_fkey;
ALTER TABLE IF EXISTS ONLY public.parent DROP CONSTRAINT IF EXISTS parent_pkey;
DROP TABLE IF EXISTS public.child;
DROP TABLE IF EXISTS public.parent;
DROP TYPE IF EXISTS public.mood;
DROP EXTENSION IF EXISTS pg_trgm;
CREATE TABLE public.parent (id bigint NOT NULL, name text);
CREATE TABLE public.child (id bigint NOT NULL, parent_id bigint);
ALTER TABLE ONLY public.parent ADD CONSTRAINT parent_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.child ADD CONSTRAINT child_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.parent(id);
`;

test("rewrites: a pg_dump --clean preamble is one cleanup line, not removed objects", async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const cleanId = await assessSql(request, "clean dump", CLEAN_DUMP);
  const fg = (await (await request.get(`/api/assessments/${cleanId}/export?format=json`)).json()).figures;
  expect(fg.cleanupStatements).toBe(6);
  expect(fg.objects.removed).toBe(0);
  await page.goto(`/assessments/${cleanId}/rewrites?all=1`);
  await expect(page.getByTestId("rewrite-cleanup")).toHaveText("6 cleanup statements from pg_dump --clean left out (the target is empty)");
  await expect(page.getByTestId("rewrite-figures")).toContainText("0 removed");
  const rows = page.getByTestId("rewrite-objects").getByRole("link");
  await expect(rows).toHaveCount(fg.objects.total);
  await expect(rows.filter({ hasText: "removed" })).toHaveCount(0);
  await expect(rows.filter({ hasText: /mood|pg_trgm/ })).toHaveCount(0);
});

test("live form: a connection URI fills the fields; the TLS modes the errors suggest are offered", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/new");
  await page.getByRole("tab", { name: "Connect to a database" }).click();
  await page.getByTestId("connection-uri").fill("postgresql://assessor@db.example.internal:6432/shop?sslmode=prefer");
  await expect(page.getByLabel("Host", { exact: true })).toHaveValue("db.example.internal");
  await expect(page.getByLabel("Port", { exact: true })).toHaveValue("6432");
  await expect(page.getByLabel("Database", { exact: true })).toHaveValue("shop");
  await expect(page.getByLabel("User", { exact: true })).toHaveValue("assessor");
  await expect(page.getByLabel("TLS")).toHaveValue("prefer");
  for (const mode of ["disable", "prefer", "require", "verify-full"])
    await expect(page.getByLabel("TLS").locator(`option[value="${mode}"]`)).toHaveCount(1);
  await page.getByTestId("connection-uri").fill("mysql://x@y/z");
  await expect(page.getByRole("alert").filter({ hasText: "starts with postgresql://" })).toBeVisible();
  await screenshot(page, "live-form-uri", false);
});
