/**
 * Phone and desktop: every page of an assessment fits a 390×844 screen without scrolling the page
 * sideways, its navigation stays reachable and its charts render; the print view fits a 1440 px window;
 * and axe-core (WCAG 2 A/AA rules: contrast, labels, names) finds nothing on any page. Screenshots of
 * each page at both sizes land in test-results/screens/.
 */
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { assessSql, CORPUS, expect, screenshot, test } from "./helpers";

let id = "";
let shareUrl = "";

test.beforeAll(async ({ request }) => {
  id = await assessSql(request, "pagila responsive", readFileSync(join(CORPUS, "pagila-schema.sql"), "utf8"));
  const link = await (await request.post(`/api/assessments/${id}/share`, { data: { expiresInDays: 1 } })).json();
  shareUrl = new URL(link.url ?? `/share/${link.token}`, "http://x").pathname;
});

const pages = () => [
  { name: "list", path: "/" },
  { name: "overview", path: `/assessments/${id}` },
  { name: "checklist", path: `/assessments/${id}/checklist` },
  { name: "rewrites", path: `/assessments/${id}/rewrites` },
  { name: "plan", path: `/assessments/${id}/plan` },
  { name: "cost", path: `/assessments/${id}/cost` },
  { name: "history", path: `/assessments/${id}/history` },
  { name: "share-tab", path: `/assessments/${id}/share` },
  { name: "activity", path: `/assessments/${id}/activity` },
  { name: "new", path: "/new" },
  { name: "team", path: "/team" },
  { name: "share-view", path: shareUrl },
];

async function pageOverflow(page: Page): Promise<{ scroll: number; width: number; wide: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    // Name the elements that stick out, so a failure says where.
    const wide = [...document.querySelectorAll("body *")]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        if (r.right <= width + 1 || r.width === 0) return false;
        for (let p = e.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== "visible") return false;
        return true;
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.getAttribute("class") ?? "").slice(0, 60)}`);
    return { scroll: document.documentElement.scrollWidth, width, wide };
  });
}

test("phone 390×844: no sideways page scroll, navigation reachable, charts render", async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const tooWide: string[] = [];
  for (const p of pages()) {
    await page.goto(p.path);
    await page.waitForLoadState("networkidle");
    const o = await pageOverflow(page);
    if (o.scroll > o.width) tooWide.push(`${p.name}: page is ${o.scroll} px wide at ${o.width} px; wide: ${o.wide.join(", ")}`);
    if (p.path.startsWith("/assessments/")) {
      const tabs = page.getByRole("navigation", { name: "Assessment sections" });
      await tabs.getByRole("link", { name: "Activity" }).scrollIntoViewIfNeeded();
      await expect(tabs.getByRole("link", { name: "Activity" })).toBeInViewport();
    }
    await screenshot(page, `phone-${p.name}`);
  }
  expect(tooWide).toEqual([]);
  await page.goto(`/assessments/${id}`);
  await expect(page.getByTestId("effort-chart").locator("svg.recharts-surface")).toBeVisible();
  await screenshot(page, "phone-overview-top", false);
  const box = await page.getByTestId("effort-chart").boundingBox();
  expect(box!.width).toBeGreaterThan(250);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
});

test("desktop 1440×900: the print view fits the window; the hotspot card fits its table", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/assessments/${id}/print`);
  const o = await pageOverflow(page);
  expect(o.scroll, `print view ${o.scroll} px; wide: ${o.wide.join(", ")}`).toBeLessThanOrEqual(1440);
  await expect(page.getByTestId("cover-answers")).toBeVisible();
  await screenshot(page, "desktop-print", false);
  await page.goto(`/assessments/${id}`);
  const o2 = await pageOverflow(page);
  expect(o2.scroll, `overview ${o2.scroll} px; wide: ${o2.wide.join(", ")}`).toBeLessThanOrEqual(1440);
});

test("accessibility: axe finds no WCAG 2 A/AA violation on any page", async ({ page }) => {
  // Thirteen pages, each analysed in full by axe: slower than one page's budget on a busy machine.
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const found: string[] = [];
  for (const p of [...pages(), { name: "print", path: `/assessments/${id}/print` }]) {
    await page.goto(p.path);
    await page.waitForLoadState("networkidle");
    const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    for (const v of r.violations)
      found.push(
        `${p.name}: ${v.id} (${v.impact}) ${v.nodes
          .slice(0, 3)
          .map((nd) => nd.target.join(" "))
          .join(" | ")}`,
      );
    await screenshot(page, `desktop-${p.name}`, false);
  }
  expect(found).toEqual([]);
});
