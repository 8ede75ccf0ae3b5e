import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";

export const ROOT = new URL("..", import.meta.url).pathname;
export const CORPUS = process.env.CORPUS_DIR ?? join(ROOT, "..", "shared", "corpus");
export const SCREENS = join(ROOT, "test-results", "screens");

export async function screenshot(page: Page, name: string, fullPage = true) {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage });
}

/** The CLI's JSON report for the same file: the numbers the dashboard must show. */
export function cliReport(file: string, extra: string[] = []) {
  const out = execFileSync(process.execPath, [join(ROOT, "bin", "dsql-preflight.js"), "analyze", file, "--format", "json", "--fail-on", "never", ...extra], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(out.toString("utf8"));
}
