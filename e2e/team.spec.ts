/**
 * Team review in real browsers: a member is added, a schema uploaded and reviewed (status, reason,
 * comment), two reviewers collide on one finding, bulk changes and plan check-offs, a re-run on a
 * modified schema shows the diff and keeps the review, a share link is opened signed-out and revoked,
 * and the Markdown and PDF exports carry the report.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";
import { ADMIN, expect, NO_SESSION, ROOT, screenshot, test } from "./helpers";

test.describe.configure({ mode: "serial" });

const MEMBER = { name: "Max Member", email: "max@example.com", password: "member-password-22" };

const V1 = `CREATE TABLE customers (id serial PRIMARY KEY, email text);
CREATE TABLE orders (id serial PRIMARY KEY, customer_id int REFERENCES customers(id) ON DELETE CASCADE, total numeric);
CREATE INDEX orders_customer ON orders (customer_id);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION touch();
`;
// Lines move (a header), the orders trigger is gone, a customers trigger and an unlogged table are new.
const V2 = `-- schema v2
-- (lines shifted on purpose: findings match by rule and object)

CREATE TABLE customers (id serial PRIMARY KEY, email text);
CREATE TABLE orders (id serial PRIMARY KEY, customer_id int REFERENCES customers(id) ON DELETE CASCADE, total numeric);
CREATE INDEX orders_customer ON orders (customer_id);
CREATE UNLOGGED TABLE audit_log (id bigint PRIMARY KEY, body text);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER customers_touch BEFORE INSERT ON customers FOR EACH ROW EXECUTE FUNCTION touch();
`;

let assessment = "";
let shareUrl = "";

async function signInPage(browser: Browser, baseURL: string, who: { email: string; password: string }): Promise<Page> {
  const ctx = await browser.newContext({ baseURL, storageState: NO_SESSION });
  const page = await ctx.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin\?next=/);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-menu")).toBeVisible();
  return page;
}

/** Open the checklist filtered to one object and expand its serial-type finding. */
async function openFinding(page: Page, id: string) {
  await page.goto(`/assessments/${id}/checklist?q=customers.id&rule=serial-type`);
  await expect(page.locator("[data-testid=checklist][data-hydrated=true]")).toBeVisible();
  const row = page.getByTestId("finding").first();
  await row.getByRole("button").first().click();
  await expect(row.getByTestId("review")).toBeVisible();
  return row;
}

test("admin adds a member (initial password) and a viewer (invite link)", async ({ page, browser, baseURL }) => {
  await page.goto("/team");
  const form = page.getByRole("form", { name: "Add a member" });
  await form.getByLabel("Email").fill(MEMBER.email);
  await form.getByLabel("Name").fill(MEMBER.name);
  await form.getByLabel(/Initial password/).fill(MEMBER.password);
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId("members")).toContainText(MEMBER.email);

  await form.getByLabel("Email").fill("vera@example.com");
  await form.getByLabel("Name").fill("Vera Viewer");
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByRole("button", { name: "Add member" }).click();
  const invite = await page.getByTestId("invite-url").textContent();
  expect(invite).toMatch(/\/invite\/dpi_/);
  await screenshot(page, "21-team");

  const ctx = await browser.newContext({ baseURL, storageState: NO_SESSION });
  const p = await ctx.newPage();
  await p.goto(new URL(invite!).pathname);
  await p.getByLabel("Choose a password").fill("viewer-password-33");
  await p.getByRole("button", { name: "Join" }).click();
  await expect(p.getByTestId("user-menu")).toContainText("viewer");
  // A viewer has no "New assessment".
  await expect(p.getByRole("link", { name: "New assessment" })).toHaveCount(0);
  await ctx.close();
});

test("upload, then change a status with a reason and a comment", async ({ page }) => {
  await page.goto("/new");
  await page.getByTestId("file-input").setInputFiles({ name: "shop.sql", mimeType: "application/sql", buffer: Buffer.from(V1) });
  await page.getByLabel("Name").fill("shop review");
  await page.getByRole("button", { name: "Start assessment" }).click();
  await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
  assessment = new URL(page.url()).pathname.split("/")[2]!;
  await expect(page.getByTestId("overview")).toBeVisible({ timeout: 60_000 });

  const row = await openFinding(page, assessment);
  const review = row.getByTestId("review");
  await review.getByLabel("Review status").selectOption("wontfix");
  await expect(review.getByRole("button", { name: "Save review" })).toBeDisabled(); // a reason is required
  await review.getByLabel("Review note").fill("ids stay integers; identity keeps them");
  await review.getByLabel("Assignee").selectOption({ label: MEMBER.name });
  await review.getByLabel("Comment").fill("Discussed with the DBA team");
  await review.getByRole("button", { name: "Save review" }).click();
  await expect(review.getByRole("status")).toHaveText("Saved");
  await expect(row.getByTestId("finding-status")).toHaveText("Won't fix");
  await expect(review.getByTestId("comments")).toContainText("Discussed with the DBA team");
  await expect(review.getByTestId("comments")).toContainText(ADMIN.name);
  await expect(review.getByTestId("finding-audit")).toContainText("status open → wontfix");
  await screenshot(page, "22-review", false);
});

test("two reviewers change the same finding: the second gets a conflict, the trail keeps both", async ({ page, browser, baseURL }) => {
  const other = await signInPage(browser, baseURL!, MEMBER);
  const mine = await openFinding(page, assessment);
  const theirs = await openFinding(other, assessment);
  // Both read the same version; the admin saves first.
  await mine.getByLabel("Review status").selectOption("accepted");
  await mine.getByRole("button", { name: "Save review" }).click();
  await expect(mine.getByRole("status")).toHaveText("Saved");
  await theirs.getByLabel("Review status").selectOption("done");
  await theirs.getByRole("button", { name: "Save review" }).click();
  const conflict = theirs.getByTestId("conflict");
  await expect(conflict).toContainText("Someone else changed this finding first");
  await expect(conflict).toContainText("Current: Accepted (will fix)");
  await expect(theirs.getByTestId("finding-status")).toHaveText("Accepted (will fix)");
  await screenshot(other, "23-conflict", false);
  // Applying again on the fresh version works.
  await theirs.getByRole("button", { name: "Save review" }).click();
  await expect(theirs.getByRole("status")).toHaveText("Saved");
  const idx = Number(await theirs.getAttribute("data-idx"));
  const f = await (await page.request.get(`/api/assessments/${assessment}/findings/${idx}`)).json();
  const actions = f.audit.map((e: { action: string; actor: { name: string } }) => `${e.action}:${e.actor.name}`);
  expect(actions).toEqual(expect.arrayContaining([`status:${ADMIN.name}`, `conflict:${MEMBER.name}`, `status:${MEMBER.name}`]));
  expect(f.state.status).toBe("done");
  await other.context().close();
  // Put the agreed state back for the re-run check.
  await page.request.patch(`/api/assessments/${assessment}/findings/${idx}`, {
    data: { version: f.state.version, status: "wontfix", note: "ids stay integers; identity keeps them" },
  });
});

test("bulk action on a filtered set and plan check-off", async ({ page }) => {
  await page.goto(`/assessments/${assessment}/checklist?severity=advice`);
  await expect(page.locator("[data-testid=checklist][data-hydrated=true]")).toBeVisible();
  const total = Number((await page.getByTestId("checklist-count").textContent())!.match(/of (\d+)/)![1]);
  const bar = page.getByTestId("bulk-bar");
  await bar.getByLabel("Bulk status").selectOption("accepted");
  page.once("dialog", (d) => d.accept());
  await bar.getByRole("button", { name: "Apply" }).click();
  await expect(bar.getByRole("status")).toHaveText(`Updated ${total} findings`);
  const facets = (await (await page.request.get(`/api/assessments/${assessment}/findings?severity=advice&status=accepted`)).json()).total;
  expect(facets).toBe(total);

  await page.goto(`/assessments/${assessment}/plan`);
  const check = page.getByTestId("plan-check").first();
  await check.getByRole("checkbox").check();
  await expect(check.getByTestId("plan-check-by")).toContainText(ADMIN.name);
  await page.reload();
  await expect(page.getByTestId("plan-check").first().getByRole("checkbox")).toBeChecked();
  await screenshot(page, "24-plan-checked", false);
  await page.goto(`/assessments/${assessment}/activity`);
  await expect(page.getByTestId("activity")).toContainText(`bulk: ${total} findings → accepted`);
  await expect(page.getByTestId("activity")).toContainText("checked off plan step");
  await screenshot(page, "25-activity", false);
});

test("re-run with a modified schema shows new, resolved and unchanged findings and keeps the review", async ({ page }) => {
  await page.goto(`/assessments/${assessment}/history`);
  await page.getByTestId("rerun-files").setInputFiles({ name: "shop-v2.sql", mimeType: "application/sql", buffer: Buffer.from(V2) });
  await page.getByRole("button", { name: "Start run" }).click();
  await page.waitForURL((u) => /\/assessments\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.includes(assessment));
  const run2 = new URL(page.url()).pathname.split("/")[2]!;
  await expect(page.getByTestId("overview")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("run-number")).toHaveText("run 2");
  await page.goto(`/assessments/${run2}/history`);
  await expect(page.getByTestId("run")).toHaveCount(2);
  const diff = await (await page.request.get(`/api/assessments/${run2}/diff`)).json();
  expect(diff.counts.new).toBeGreaterThan(0);
  expect(diff.counts.resolved).toBeGreaterThan(0);
  expect(diff.counts.unchanged).toBeGreaterThan(0);
  expect(diff.new.map((f: { ruleId: string }) => f.ruleId)).toContain("unlogged-table");
  expect(diff.resolved.map((f: { objectKey: string }) => f.objectKey)).toContain("public.orders.orders_touch");
  expect(diff.new.map((f: { objectKey: string }) => f.objectKey)).toContain("public.customers.customers_touch");
  await expect(page.getByTestId("diff-new-count")).toHaveText(String(diff.counts.new));
  await expect(page.getByTestId("diff-resolved-count")).toHaveText(String(diff.counts.resolved));
  await expect(page.getByTestId("diff-unchanged-count")).toHaveText(String(diff.counts.unchanged));
  await screenshot(page, "26-history-diff");

  // The won't-fix finding moved lines but kept its status, reason, assignee and comment.
  const row = await openFinding(page, run2);
  await expect(row.getByTestId("finding-status")).toHaveText("Won't fix");
  await expect(row.getByLabel("Review note")).toHaveValue("ids stay integers; identity keeps them");
  await expect(row.getByTestId("comments")).toContainText("Discussed with the DBA team");
  await expect(row.getByTestId("comments")).toContainText("from an earlier run");
  // The checked-off plan step is still checked (same phase and title).
  await page.goto(`/assessments/${run2}/plan`);
  await expect(page.getByTestId("plan-check").first().getByRole("checkbox")).toBeChecked();
  assessment = run2;
});

test("share link: read-only in a fresh browser, last opened recorded, revoked gives 404", async ({ page, browser, baseURL }) => {
  await page.goto(`/assessments/${assessment}/share`);
  await page.getByLabel("Label").fill("for the DBA team");
  await page.getByRole("button", { name: "Create share link" }).click();
  shareUrl = (await page.getByTestId("share-url").textContent())!;
  expect(shareUrl).toMatch(/\/share\/dpsh_[A-Za-z0-9_-]{43}$/); // 32 random bytes = 256 bits

  const anon = await browser.newContext({ baseURL, storageState: NO_SESSION });
  const p = await anon.newPage();
  const res = await p.goto(new URL(shareUrl).pathname);
  expect(res?.status()).toBe(200);
  await expect(p.getByRole("heading", { name: "shop review" })).toBeVisible();
  await expect(p.getByText("Shared read-only view")).toBeVisible();
  await expect(p.getByText("Findings by category", { exact: true })).toBeVisible();
  await expect(p.getByText("Won't fix").first()).toBeVisible();
  // No edit controls, no navigation to other assessments, no session.
  await expect(p.locator("select, textarea, input, button, form")).toHaveCount(0);
  await expect(p.locator("a[href^='/assessments'], a[href='/']")).toHaveCount(0);
  await screenshot(p, "27-shared-view");
  // The session-only API stays closed to the share link's visitor.
  expect((await p.request.get(`/api/assessments/${assessment}/report`)).status()).toBe(401);

  await page.reload();
  const row = page.getByTestId("share-link").first();
  await expect(row).toContainText("for the DBA team");
  await expect(row).toContainText(ADMIN.name);
  await expect(row).toContainText("(1×)");
  await screenshot(page, "28-share-links", false);
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("share-link").first()).toContainText("revoked");
  const gone = await p.goto(new URL(shareUrl).pathname);
  expect(gone?.status()).toBe(404);
  expect((await p.request.get(`/api/share/${new URL(shareUrl).pathname.split("/")[2]}`)).status()).toBe(404);
  await anon.close();
});

test("export Markdown and PDF from the UI", async ({ page }) => {
  await page.goto(`/assessments/${assessment}`);
  const [md] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-md").click()]);
  const text = readFileSync((await md.path())!, "utf8");
  expect(md.suggestedFilename()).toBe("shop_review.md");
  expect(text).toContain("# shop review: Aurora DSQL migration assessment");
  expect(text).toMatch(/\| \*\*\d+\/100\*\* \(/); // readiness in the summary table
  expect(text).toContain("## Findings by category");
  expect(text).toMatch(/\| Severity \| Rule \| Object \| Location \| Fix \| Message \| Status \|/);
  expect(text).toContain("won't fix");
  expect(text).toContain("## Manual work items");
  expect(text).toContain("## Migration plan");
  expect(text).toMatch(/- \[x\] \*\*.+\*\* — .+checked off by Ada Admin/);

  const t0 = Date.now();
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-pdf").click()]);
  const file = (await pdf.path())!;
  test.info().annotations.push({ type: "pdf", description: `PDF download in ${Date.now() - t0} ms` });
  expect(readFileSync(file).subarray(0, 5).toString()).toBe("%PDF-");
  // Table cells wrap ("unlogged-" / "table"): join wrapped words before matching.
  const pdfText = execFileSync("pdftotext", [file, "-"])
    .toString()
    .replace(/-\s*\n\s*/g, "-")
    .replace(/\s+/g, " ");
  expect(pdfText).toContain("shop review");
  expect(pdfText).toContain("Findings by category");
  expect(pdfText).toContain("unlogged-table");
  expect(pdfText).toContain("public.audit_log is UNLOGGED");
  expect(pdfText).toContain("Won't fix");
  expect(pdfText).toContain("Migration plan");
  expect(pdfText).toMatch(/Readiness \d+\/100/);
  execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "2", file, join(ROOT, "test-results", "screens", "29-pdf-page")]);
});

test("CLI export reads the stored assessment", async () => {
  expect(process.env.E2E_DATA_DIR, "run through npm run test:e2e, which starts the suite's embedded database").toBeTruthy();
  const out = execFileSync(process.execPath, [join(ROOT, "bin", "dsql-preflight.js"), "export", assessment, "--format", "md"], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  }).toString();
  expect(out).toContain("# shop review: Aurora DSQL migration assessment");
  expect(out).toContain("won't fix");
});
