/**
 * Connect to a real PostgreSQL (the app's own embedded server, a database it can read), run the
 * permission preflight, collect, and see the assessment with what was and was not collected.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, screenshot, test } from "./helpers";

test("connect: test connection, preflight, collect, report", async ({ page }) => {
  expect(process.env.E2E_DATA_DIR, "run through npm run test:e2e, which starts the suite's embedded database").toBeTruthy();
  const info = JSON.parse(readFileSync(join(process.env.E2E_DATA_DIR!, "server.json"), "utf8")) as { url: string };
  const u = new URL(info.url);
  await page.goto("/new");
  await page.getByRole("tab", { name: "Connect to a database" }).click();
  await page.getByLabel("Host", { exact: true }).fill(u.hostname);
  await page.getByLabel("Port", { exact: true }).fill(u.port);
  await page.getByLabel("Database", { exact: true }).fill(u.pathname.slice(1));
  await page.getByLabel("User", { exact: true }).fill(decodeURIComponent(u.username));
  await page.getByLabel("Password", { exact: true }).fill(decodeURIComponent(u.password));
  await page.getByLabel("Workload sample (seconds)").fill("1");
  await page.getByLabel("TLS").selectOption("disable");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByRole("status")).toContainText("Connected to PostgreSQL");
  await expect(page.getByRole("table", { name: "Permission preflight" })).toContainText("Read the system catalog");
  await page.getByLabel("Name").fill("live store");
  await screenshot(page, "09-connect");
  await page.getByRole("button", { name: "Start assessment" }).click();
  await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("overview")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("readiness-score")).toBeVisible();
  await screenshot(page, "10-live-overview");
  await page.getByRole("link", { name: "Cost & hotspots" }).click();
  await expect(page.getByTestId("cost-page")).toBeVisible();
  await screenshot(page, "11-live-cost");
});
