/**
 * Verifying the rewrite from the Rewrites page: upload chinook, click "Verify the rewrite", watch it
 * run, see it pass with its intended differences; a viewer can read the result but not start one, and a
 * malformed request body is refused with a message. A statement that fails in the inputs as in the script
 * (a view that reads itself, as pg_dump writes for a table turned into a view) is listed apart, not failing.
 */
import { join } from "node:path";
import { assessSql, CORPUS, expect, screenshot, signedIn, test } from "./helpers";

test.describe.configure({ mode: "serial" });

let assessmentUrl = "";

test("click Verify on an uploaded chinook and see it pass", async ({ page }) => {
  await page.goto("/new");
  await page.getByTestId("file-input").setInputFiles(join(CORPUS, "chinook_postgresql.sql"));
  await page.getByLabel("Name").fill("chinook verify e2e");
  await page.getByRole("button", { name: "Start assessment" }).click();
  await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
  assessmentUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("overview")).toBeVisible({ timeout: 90_000 });

  await page.goto(`${assessmentUrl}/rewrites`);
  const section = page.getByTestId("verify-section");
  await expect(section).toBeVisible();
  await section.getByRole("button", { name: "Verify the rewrite" }).click();
  const result = page.getByTestId("verify-result");
  // Progress while the job is queued or running, unless the worker already finished it.
  await expect(page.getByTestId("verify-progress").or(result)).toBeVisible();
  await expect(result).toBeVisible({ timeout: 120_000 });
  await expect(result).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("verify-verdict")).toContainText("Passed");
  await expect(page.getByTestId("verify-verdict")).toContainText("0 unexplained, 0 failed statements");
  await screenshot(page, "verify-passed", false);

  // The API says the same, and the result survives a reload.
  const api = await (await page.request.get(`/api${assessmentUrl}/verify`)).json();
  expect(api.verification.status).toBe("done");
  expect(api.verification.result).toMatchObject({ ok: true, unexplained: [], failures: [] });
  expect(api.verification.result.tables.original).toBe(11);
  await expect(page.getByTestId("verify-verdict")).toContainText(`${api.verification.result.explained.length} intended difference`);
  if (api.verification.result.explained.length) {
    await page.getByText(/Intended differences/).click();
    await expect(page.getByTestId("verify-explained").locator("li")).toHaveCount(api.verification.result.explained.length);
  }
  await page.reload();
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-ok", "true");
  await expect(page.getByRole("button", { name: "Verify again" })).toBeVisible();
});

test("a viewer reads the verification but cannot start one; a bad body is refused", async ({ request, baseURL }) => {
  const api = `/api${assessmentUrl}/verify`;
  const bad = await request.post(api, { data: { force: true } });
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("force");
  const created = await request.post("/api/members", {
    data: { email: "verify-viewer@example.com", name: "Verify Viewer", role: "viewer", password: "verify-viewer-password" },
  });
  expect(created.status()).toBe(201);
  const viewer = await signedIn(baseURL!, "verify-viewer@example.com", "verify-viewer-password");
  expect((await viewer.get(api)).status()).toBe(200);
  expect((await viewer.post(api, { data: {} })).status()).toBe(403);
  await viewer.dispose();
});

test("a statement failing in the inputs as in the script is listed apart and does not fail the verification", async ({ page, request }) => {
  const id = await assessSql(
    request,
    "self-referencing view",
    "CREATE TABLE item (id uuid PRIMARY KEY, name text);\nCREATE VIEW looped AS SELECT looped.id, looped.name FROM looped;\n",
  );
  await page.goto(`/assessments/${id}/rewrites`);
  await page.getByTestId("verify-section").getByRole("button", { name: "Verify the rewrite" }).click();
  const result = page.getByTestId("verify-result");
  await expect(result).toBeVisible({ timeout: 120_000 });
  await expect(result).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("verify-verdict")).toContainText("0 unexplained, 0 failed statements");
  await page.getByText(/Failing in the inputs too \(1\)/).click();
  await expect(page.getByTestId("verify-failing-in-inputs")).toContainText('view public.looped: relation "looped" does not exist');
  await screenshot(page, "verify-failing-in-inputs", false);
});
