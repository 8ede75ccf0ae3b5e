/**
 * The main path in a real browser: upload a corpus file, watch the job, compare the overview with the
 * CLI's JSON for the same file, review the checklist, open a rewrite diff and the plan, reopen.
 */
import { join } from "node:path";
import { cliReport, CORPUS, expect, screenshot, test } from "./helpers";

test.describe.configure({ mode: "serial" });

const FILE = join(CORPUS, "rnacentral-rna.sql");
let assessmentUrl = "";

test("upload a corpus file and watch the job progress", async ({ page }) => {
  await page.goto("/new");
  await expect(page.getByRole("heading", { name: "New assessment" })).toBeVisible();
  await page.getByTestId("file-input").setInputFiles(FILE);
  await expect(page.getByRole("list", { name: "Selected files" })).toContainText("rnacentral-rna.sql");
  await page.getByLabel("Name").fill("rnacentral e2e");
  await screenshot(page, "01-new-assessment");
  await page.getByRole("button", { name: "Start assessment" }).click();
  await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
  assessmentUrl = new URL(page.url()).pathname;
  // The job runs in the worker; the page shows its progress until the report is stored.
  const progress = page.getByTestId("job-progress");
  const overview = page.getByTestId("overview");
  // Between the job finishing and the report replacing the progress card, the card says the report is ready.
  await expect(progress.or(overview).or(page.getByTestId("job-done"))).toBeVisible();
  if (await progress.isVisible()) {
    await expect(page.getByRole("progressbar")).toBeVisible();
    // Catch it while the worker is on it, if the job is not already finished.
    await expect(page.getByRole("heading", { name: "Analysing" }).or(overview)).toBeVisible({ timeout: 30_000 });
    if (await progress.isVisible()) await screenshot(page, "02-progress");
  }
  await expect(overview).toBeVisible({ timeout: 60_000 });
});

test("overview numbers match the CLI's JSON for the same file", async ({ page }) => {
  const cli = cliReport(FILE);
  await page.goto(assessmentUrl);
  await expect(page.getByTestId("readiness-score")).toHaveText(String(cli.summary.readiness.score));
  await expect(page.getByTestId("readiness-band")).toHaveText(cli.summary.readiness.band);
  await expect(page.getByTestId("readiness-formula")).toHaveText(cli.summary.readiness.formula);
  for (const sev of ["blocker", "warning", "advice"])
    await expect(page.getByTestId(`count-${sev}`)).toHaveText(cli.summary.bySeverity[sev].toLocaleString("en-US"));
  // Effort is the migration plan's (the CLI's `rewrite` report carries it; e2e/overview.spec.ts compares them).
  const figures = (await (await page.request.get(`/api${assessmentUrl}/export?format=json`)).json()).figures;
  await expect(page.getByTestId("effort-range")).toHaveText(
    `${figures.effort.low.toLocaleString("en-US")}–${figures.effort.high.toLocaleString("en-US")} h`,
  );
  await expect(page.getByTestId("effort-chart").or(page.getByText("No problem needs a person."))).toBeVisible();
  await screenshot(page, "03-overview");

  // The API serves the CLI's contract plus stored state.
  const api = await (await page.request.get(`/api${assessmentUrl}/report`)).json();
  expect(api.summary).toEqual(cli.summary);
  expect(api.findings.length).toBe(cli.findings.length);
  expect(api.findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}:${f.line}`)).toEqual(
    cli.findings.map((f: { ruleId: string; line: number }) => `${f.ruleId}:${f.line}`),
  );
  expect(api.findings[0].state.status).toBe("open");
});

test("checklist filters, groups, explains and records review state", async ({ page }) => {
  const cli = cliReport(FILE);
  await page.goto(`${assessmentUrl}/checklist`);
  await expect(page.locator("[data-testid=checklist][data-hydrated=true]")).toBeVisible();
  await expect(page.getByTestId("checklist-count")).toContainText(`of ${cli.findings.length} findings`);
  await page
    .getByRole("group", { name: "Severity" })
    .getByRole("button", { name: /^Blocker/ })
    .click();
  await expect(page.getByTestId("checklist-count")).toContainText(`of ${cli.summary.bySeverity.blocker} findings`);
  await expect(page.getByTestId("finding").first()).toHaveAttribute("data-severity", "blocker");
  const rows = page.getByTestId("finding");
  for (const sev of await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-severity")))) expect(sev).toBe("blocker");

  await page.getByTestId("group-select").selectOption("rule");
  await expect(page).toHaveURL(/group=rule/);
  const blockersByRule = page.url();
  const first = page.getByTestId("finding").first();
  await first.getByRole("button").first().click();
  const detail = first.getByTestId("finding-detail");
  await expect(detail).toContainText("Offending SQL");
  await expect(detail).toContainText("Why");
  await expect(detail).toContainText("How to fix");
  await expect(detail.getByRole("link", { name: /DSQL documentation/ })).toHaveAttribute("href", /^https:\/\//);
  await screenshot(page, "04-checklist", false);

  // Review state is stored: accept the finding, reload, it is still accepted.
  await detail.getByLabel("Review status").selectOption("accepted");
  await detail.getByRole("button", { name: "Save review" }).click();
  await expect(detail.getByRole("status")).toHaveText("Saved");
  await expect(first.getByTestId("finding-status")).toHaveText("Accepted (will fix)");
  await page.reload();
  await expect(page.locator("[data-testid=checklist][data-hydrated=true]")).toBeVisible();
  await page.getByTestId("finding").first().getByRole("button").first().click();
  await expect(page.getByTestId("finding").first().getByLabel("Review status")).toHaveValue("accepted");

  // Paging: the next page is served by the API.
  await page.getByRole("button", { name: "Next →" }).click();
  await expect(page.getByTestId("checklist-count")).toContainText("Showing 51–100");

  // From a finding to its object's diff on the Rewrites page.
  await page.goto(blockersByRule);
  await expect(page.locator("[data-testid=checklist][data-hydrated=true]")).toBeVisible();
  const row = page.getByTestId("finding").first();
  await row.getByRole("button").first().click();
  const toRewrite = row.getByTestId("finding-detail").getByTestId("finding-rewrite");
  const q = new URL((await toRewrite.getAttribute("href"))!, "http://x").searchParams.get("q")!;
  expect(q).toBeTruthy();
  await toRewrite.click();
  await expect(page).toHaveURL(/\/rewrites\?/);
  await expect(page.getByTestId("rewrite-title")).toContainText(q);
});

test("rewrites: open a per-object diff with rule chips", async ({ page }) => {
  const report = await (await page.request.get(`/api${assessmentUrl}/report`)).json();
  await page.goto(`${assessmentUrl}/rewrites`);
  if (!report.rewrites) {
    await expect(page.getByText("No rewrites in this report")).toBeVisible();
    await screenshot(page, "05-rewrites", false);
    test.info().annotations.push({ type: "note", description: "this build has no rewrite stage" });
    return;
  }
  const objects = page.getByTestId("rewrite-objects").getByRole("link");
  await expect(objects.first()).toBeVisible();
  await objects.nth(Math.min(1, (await objects.count()) - 1)).click();
  await expect(page.getByTestId("hunk").first()).toBeVisible();
  await expect(page.getByTestId("rule-chip").first()).toBeVisible();
  await screenshot(page, "05-rewrites", false);
  const ddl = await page.request.get(`/api${assessmentUrl}/rewrites?format=sql`);
  expect(ddl.status()).toBe(200);
  expect(await ddl.text()).toContain("CREATE");
  const patch = await page.request.get(`/api${assessmentUrl}/rewrites?format=patch`);
  expect(await patch.text()).toContain("@@");
});

test("plan: phases and steps with copyable SQL", async ({ page }) => {
  const report = await (await page.request.get(`/api${assessmentUrl}/report`)).json();
  await page.goto(`${assessmentUrl}/plan`);
  if (!report.plan) {
    await expect(page.getByText("No migration plan in this report")).toBeVisible();
    await screenshot(page, "06-plan", false);
    return;
  }
  await expect(page.getByTestId("plan-phase").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy SQL" }).first()).toBeVisible();
  await screenshot(page, "06-plan", false);
});

test("cost & hotspots says what it needs for file uploads", async ({ page }) => {
  await page.goto(`${assessmentUrl}/cost`);
  await expect(page.getByTestId("cost-page")).toBeVisible();
  await screenshot(page, "07-cost");
});

test("home lists, searches and sorts assessments", async ({ page, request }) => {
  const r = await request.post("/api/assessments", {
    data: { name: "pagila pasted", sql: "CREATE TABLE t (id serial PRIMARY KEY, v text);\nCREATE INDEX ON t (v);" },
  });
  expect(r.status()).toBe(202);
  await page.goto("/");
  const table = page.getByTestId("assessments-table");
  await expect(table).toContainText("rnacentral e2e");
  await expect(table).toContainText("pagila pasted");
  await page.getByRole("searchbox").or(page.getByLabel("Search assessments")).fill("rnacentral");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(table).toContainText("rnacentral e2e");
  await expect(table).not.toContainText("pagila pasted");
  await page.getByRole("link", { name: /Blockers/ }).click();
  await expect(page).toHaveURL(/sort=blockers/);
  await page.goto("/");
  await screenshot(page, "00-home");
});

test("a failed job shows why", async ({ page, request }) => {
  const r = await request.post("/api/assessments", {
    data: { name: "unreachable source", connection: { host: "127.0.0.1", port: 1, database: "nope", user: "nobody", sslmode: "disable" } },
  });
  expect(r.status()).toBe(202);
  const { url } = await r.json();
  await page.goto(url);
  await expect(page.getByTestId("job-failed")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("job-failed")).not.toBeEmpty();
  await screenshot(page, "08-failed");
});
