/**
 * PDF through headless Chromium (playwright-core drives the system's Chromium; nothing is downloaded).
 * The print view's HTML is loaded with setContent, so Chromium fetches nothing and needs no session.
 * One browser is kept for a minute after the last render so a burst of exports pays one launch.
 */
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

export class PdfUnavailableError extends Error {}

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
];
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export function chromiumPath(): string | undefined {
  const env = process.env.CHROMIUM_PATH;
  if (env) return existsSync(env) ? env : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

export const NO_CHROMIUM_MESSAGE =
  "PDF export needs Chromium on the server and none was found. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary. Meanwhile, open the print view and use the browser's Print → Save as PDF.";

const g = globalThis as unknown as { __preflightPdf?: { browser: Promise<Browser>; timer?: NodeJS.Timeout } };

async function browser(): Promise<Browser> {
  const exe = chromiumPath();
  if (!exe) throw new PdfUnavailableError(NO_CHROMIUM_MESSAGE);
  if (!g.__preflightPdf) {
    const { chromium } = await import("playwright-core");
    const b = chromium.launch({ executablePath: exe, args: CHROMIUM_FLAGS, headless: true });
    g.__preflightPdf = { browser: b };
    b.then((x) => x.on("disconnected", () => (g.__preflightPdf = undefined))).catch(() => (g.__preflightPdf = undefined));
  }
  return g.__preflightPdf.browser;
}

function closeLater(ms: number) {
  const s = g.__preflightPdf;
  if (!s) return;
  if (s.timer) clearTimeout(s.timer);
  s.timer = setTimeout(() => closePdfBrowser(), ms);
  s.timer.unref?.();
}

export async function closePdfBrowser() {
  const s = g.__preflightPdf;
  g.__preflightPdf = undefined;
  if (s) await (await s.browser.catch(() => undefined))?.close().catch(() => {});
}

/** Render a self-contained HTML document to an A4 PDF. */
export async function htmlToPdf(html: string, opts: { title?: string; keepAliveMs?: number } = {}): Promise<Buffer> {
  const b = await browser();
  const ctx = await b.newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await ctx.newPage();
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font-size:8px;width:100%;padding:0 12mm;color:#64748b;display:flex;justify-content:space-between"><span>${(opts.title ?? "DSQL migration assessment").replace(/[<>&]/g, "")}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
    });
    return pdf;
  } finally {
    await ctx.close().catch(() => {});
    closeLater(opts.keepAliveMs ?? 60_000);
  }
}
