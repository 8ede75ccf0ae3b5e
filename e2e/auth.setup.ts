/** First run: a fresh install sends everyone to /setup; the first account becomes the admin. */
import { expect, test as setup } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { ADMIN, ADMIN_STATE, screenshot } from "./helpers";

setup("first-run admin signup", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome to DSQL Preflight" })).toBeVisible();
  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel(/^Password/).fill(ADMIN.password);
  await screenshot(page, "20-setup");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByTestId("user-menu")).toContainText(ADMIN.name);
  await expect(page.getByTestId("user-menu")).toContainText("admin");
  // Setup is closed now.
  const again = await page.request.post("/api/auth/setup", { data: { email: "late@example.com", password: "another long password" } });
  expect(again.status()).toBe(409);
  mkdirSync(dirname(ADMIN_STATE), { recursive: true });
  await page.context().storageState({ path: ADMIN_STATE });
});
