/**
 * Checklist at scale: grouped by rule, findings sharing a root cause (`problemId`) show as one row with
 * its instances listed under it, each instance still opening to its SQL and review. Expected counts come
 * from the CLI's report of the same corpus file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { assessSql, cliReport, CORPUS, expect, test } from "./helpers";

const FILE = "pagila-schema.sql";
let id = "";
let instances: Map<string, number>;

test.beforeAll(async ({ request }) => {
  id = await assessSql(request, "pagila root causes", readFileSync(join(CORPUS, FILE), "utf8"));
  instances = new Map();
  for (const f of cliReport(join(CORPUS, FILE)).findings as Array<{ ruleId: string; problemId: string }>) {
    const k = `${f.ruleId} ${f.problemId}`;
    instances.set(k, (instances.get(k) ?? 0) + 1);
  }
});

test("an enum and its column uses are one root-cause row with its instances under it", async ({ page }) => {
  const n = instances.get("enum-type type:public.mpaa_rating")!;
  expect(n).toBeGreaterThan(1);
  await page.goto(`/assessments/${id}/checklist?group=rule&rule=enum-type`);
  await expect(page.locator("[data-testid=checklist][data-hydrated=true]")).toBeVisible();
  const problems = page.getByTestId("problem");
  await expect(problems).toHaveCount(1);
  const p = problems.first();
  await expect(p).toHaveAttribute("data-problem", "type:public.mpaa_rating");
  await expect(p.getByRole("button").first()).toContainText("type public.mpaa_rating");
  await expect(p.getByTestId("problem-count")).toHaveText(`${n} instances`);
  await expect(p.getByTestId("finding")).toHaveCount(n);
  await expect(p.getByTestId("problem-spans")).toHaveCount(0);

  // An instance still opens to its SQL and review.
  const first = p.getByTestId("finding").first();
  await first.getByRole("button").first().click();
  await expect(first.getByTestId("finding-detail")).toBeVisible();

  // The root-cause row collapses to one line.
  await p.getByRole("button").first().click();
  await expect(p.getByRole("button").first()).toHaveAttribute("aria-expanded", "false");
  await expect(p.getByTestId("finding")).toHaveCount(0);
});

test("a root cause with more instances than a page says how many are on this page", async ({ page }) => {
  const n = instances.get("partitioned-table partitioned-table:table:public.payment")!;
  expect(n).toBeGreaterThan(50);
  await page.goto(`/assessments/${id}/checklist?group=rule&rule=partitioned-table`);
  await expect(page.locator("[data-testid=checklist][data-hydrated=true]")).toBeVisible();
  const p = page.getByTestId("problem");
  await expect(p).toHaveCount(1);
  await expect(p).toHaveAttribute("data-instances", String(n));
  await expect(p.getByTestId("problem-count")).toHaveText(`${n} instances`);
  await expect(p.getByTestId("finding")).toHaveCount(50);
  await expect(p.getByTestId("problem-spans")).toHaveText(`50 of ${n} on this page; the rest are on other pages`);
  await page.getByRole("button", { name: "Next →" }).click();
  await expect(p.getByTestId("finding")).toHaveCount(n - 50);
  await expect(p.getByTestId("problem-spans")).toHaveText(`${n - 50} of ${n} on this page; the rest are on other pages`);
});
