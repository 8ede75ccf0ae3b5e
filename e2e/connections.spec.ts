/**
 * The connection audit and the entered workload in the browser: a live assessment of the suite's
 * own database (the app's pools are the applications seen) shows the Connections section on Overview
 * and on Cost & hotspots; a schema without any workload gets the workload form, whose estimate is
 * labelled as entered in the page and in the Markdown export.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, screenshot, test } from "./helpers";

/** At phone width the page itself never scrolls sideways (wide tables scroll inside their card). */
async function fitsPhone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
    .toBeLessThanOrEqual(0);
  await screenshot(page, name);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a live assessment shows how the applications connect", async ({ page, request }) => {
  expect(process.env.E2E_DATA_DIR, "run through npm run test:e2e, which starts the suite's embedded database").toBeTruthy();
  const info = JSON.parse(readFileSync(join(process.env.E2E_DATA_DIR!, "server.json"), "utf8")) as { url: string };
  const u = new URL(info.url);
  const r = await request.post("/api/assessments", {
    data: {
      name: "live connections",
      connection: {
        host: u.hostname,
        port: Number(u.port),
        database: u.pathname.slice(1),
        user: decodeURIComponent(u.username),
        password: decodeURIComponent(u.password),
        sslmode: "disable",
        sampleSeconds: 2,
      },
    },
  });
  expect(r.status()).toBe(202);
  const { url } = await r.json();
  await page.goto(url);
  await expect(page.getByTestId("overview")).toBeVisible({ timeout: 60_000 });
  const section = page.getByTestId("connections");
  await expect(section).toBeVisible();
  // The app's own pool connections to its database are the applications seen; the assessment's session is not.
  const rows = section.getByTestId("connections-table").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(section.getByTestId("connections-table")).not.toContainText("dsql-preflight (read-only assessment)");
  await expect(section.getByTestId("connection-age-chart")).toBeVisible();
  await expect(section.getByTestId("oldest-connection")).not.toBeEmpty();
  await screenshot(page, "12-live-connections");
  await fitsPhone(page, "12-live-connections-phone");

  await page.getByRole("link", { name: "Cost & hotspots" }).click();
  await expect(page.getByTestId("cost-page")).toBeVisible();
  await expect(page.getByTestId("connections")).toContainText("Server settings");
  await expect(page.getByTestId("connections")).toContainText("Max connections");
  // Human labels, not raw field names or ISO timestamps.
  await expect(page.getByTestId("cost-page")).not.toContainText("estimateFromInputs");
  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByTestId("source-summary")).toContainText("on PostgreSQL");
  await expect(page.getByTestId("source-summary")).not.toContainText("Server Version Num");
  await expect(page.getByTestId("source-summary")).not.toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  await expect(page.getByTestId("source-summary")).toContainText("Connections (pg_stat_activity)");
});

test("without a measured workload the team enters one, labelled as entered", async ({ page, request }) => {
  const r = await request.post("/api/assessments", {
    data: {
      name: "entered workload",
      sql: "CREATE TABLE orders (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), total numeric, note text);\nCREATE INDEX ASYNC orders_total ON orders (total);",
    },
  });
  expect(r.status()).toBe(202);
  const { url, id } = await r.json();
  await page.goto(url);
  await expect(page.getByTestId("overview")).toBeVisible({ timeout: 60_000 });
  await page.getByRole("link", { name: "Cost & hotspots" }).click();
  const form = page.getByTestId("workload-form");
  await expect(form).toBeVisible();
  await expect(page.getByTestId("connections-missing")).toBeVisible();

  await form.getByLabel("Transactions per second").fill("0");
  await form.getByLabel("Rows per transaction").fill("5");
  await form.getByLabel("Reads : writes").fill("80:20");
  await form.getByLabel("Storage (GB)").fill("50");
  await form.getByRole("button", { name: "Estimate the cost" }).click();
  await expect(page.getByTestId("workload-error")).toContainText("transactionsPerSecond: must be greater than 0");
  await expect(form.getByLabel("Transactions per second")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Transactions per second").fill("200");
  await form.getByRole("button", { name: "Estimate the cost" }).click();
  await expect(page.getByTestId("cost-entered")).toHaveText("Entered, not measured");
  await expect(page.getByTestId("cost-total")).toContainText("$");
  await expect(page.getByTestId("cost")).toContainText("from 200 transactions/s entered by the team");
  await expect(form.getByLabel("Transactions per second")).toHaveValue("200");
  await screenshot(page, "13-entered-workload");
  await fitsPhone(page, "13-entered-workload-phone");

  const md = await request.get(`/api/assessments/${id}/export?format=md`);
  expect(md.status()).toBe(200);
  expect(await md.text()).toContain("**entered, not measured**: 200 transactions/s, 5 rows per transaction, reads:writes 80:20, 50 GB");
});
