import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { test as base, request as apiRequest, type APIRequestContext, type Page } from "@playwright/test";

export const ROOT = new URL("..", import.meta.url).pathname;
export const CORPUS = process.env.CORPUS_DIR ?? join(ROOT, "..", "shared", "corpus");
export const SCREENS = join(ROOT, "test-results", "screens");
/** The admin session the setup project saves (same path as in playwright.config.ts). */
export const ADMIN_STATE = join(ROOT, "test-results", ".auth", "admin.json");

export async function screenshot(page: Page, name: string, fullPage = true) {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage });
}

/** The CLI's JSON report for the same file: the numbers the dashboard must show. */
export function cliReport(file: string, extra: string[] = []) {
  const out = execFileSync(
    process.execPath,
    [join(ROOT, "bin", "dsql-preflight.js"), "analyze", file, "--format", "json", "--fail-on", "never", ...extra],
    {
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  return JSON.parse(out.toString("utf8"));
}

/** No cookies: inside the test runner, new contexts otherwise inherit the project's storageState. */
export const NO_SESSION = { cookies: [], origins: [] };

export const ADMIN = { name: "Ada Admin", email: "ada@example.com", password: "first-admin-password-1" };

/**
 * `request` signed in like the page (the project's storageState); `anonRequest` without any session.
 * Every spec imports `test` from here.
 */
export const test = base.extend<{ anonRequest: APIRequestContext }>({
  request: async ({ baseURL, storageState }, use) => {
    const ctx = await apiRequest.newContext({ baseURL, storageState: storageState as string | undefined });
    await use(ctx);
    await ctx.dispose();
  },
  anonRequest: async ({ baseURL }, use) => {
    const ctx = await apiRequest.newContext({ baseURL, storageState: NO_SESSION });
    await use(ctx);
    await ctx.dispose();
  },
});
export { expect } from "@playwright/test";

/** A fresh API context signed in with email and password. */
export async function signedIn(baseURL: string, email: string, password: string): Promise<APIRequestContext> {
  const ctx = await apiRequest.newContext({ baseURL, storageState: NO_SESSION });
  const r = await ctx.post("/api/auth/signin", { data: { email, password } });
  if (r.status() !== 200) throw new Error(`sign-in as ${email}: ${r.status()} ${await r.text()}`);
  return ctx;
}

/** Create an assessment from SQL text through the API and wait for its report. */
export async function assessSql(request: APIRequestContext, name: string, sql: string): Promise<string> {
  const r = await request.post("/api/assessments", { data: { name, sql } });
  if (r.status() !== 202) throw new Error(`create: ${r.status()} ${await r.text()}`);
  const { id } = await r.json();
  for (let i = 0; i < 150; i++) {
    const a = await (await request.get(`/api/assessments/${id}`)).json();
    if (a.status === "done") return id;
    if (a.status === "failed") throw new Error(`assessment failed: ${a.error}`);
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error("assessment did not finish");
}
