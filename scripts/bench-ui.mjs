// `npm run bench:ui`: how fast the assessment pages of the largest corpus file become usable in Chromium.
// Starts the built app on a fresh embedded database (or uses BENCH_URL), assesses rnacentral-rna.sql,
// then, in a fresh browser context per run, loads each page and waits until it is usable: the content is
// rendered AND hydrated (a click on a finding expands it). Prints the median and worst of BENCH_RUNS runs.
// Target: the checklist of rnacentral usable within 1.5 s.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = process.env.CORPUS_DIR ?? join(root, "..", "shared", "corpus");
const file = process.env.BENCH_FILE ?? join(corpus, "rnacentral-rna.sql");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!process.env.BENCH_URL && !existsSync(join(root, ".next", "BUILD_ID"))) {
  console.error("bench:ui: build the app first (npm run build)");
  process.exit(2);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });

let server;
let dataDir;
let base = process.env.BENCH_URL;
if (!base) {
  const port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), "preflight-bench-"));
  server = spawn(process.execPath, [join(root, "scripts/serve.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout.on("data", (d) => (log += d));
  server.stderr.on("data", (d) => (log += d));
  base = `http://127.0.0.1:${port}`;
  const t = Date.now();
  for (;;) {
    try {
      if ((await fetch(`${base}/signin`, { redirect: "manual" })).status < 500) break;
    } catch {}
    if (Date.now() - t > 120_000 || server.exitCode !== null) {
      console.error(log);
      throw new Error("app did not start");
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function cleanup() {
  if (server) {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

let cookie = "";
const authed = (init = {}) => ({ ...init, headers: { ...(init.headers ?? {}), cookie } });

try {
  // A fresh install: the first account is the admin; its session cookie drives the API and the browser.
  const setup = await fetch(`${base}/api/auth/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "bench@example.com", name: "Bench", password: "bench-password-1" }),
  });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${await setup.text()}`);
  cookie = setup.headers.get("set-cookie").split(";")[0];
  const fd = new FormData();
  fd.set("name", "bench rnacentral");
  fd.append("files", new Blob([readFileSync(file)]), file.split("/").pop());
  const t0 = Date.now();
  const created = await (await fetch(`${base}/api/assessments`, authed({ method: "POST", body: fd }))).json();
  let status;
  for (;;) {
    status = await (await fetch(`${base}/api/assessments/${created.id}`, authed())).json();
    if (status.status === "done" || status.status === "failed") break;
    await new Promise((r) => setTimeout(r, 200));
  }
  if (status.status !== "done") throw new Error(`assessment failed: ${status.error}`);
  console.log(`assessment of ${file.split("/").pop()}: ${status.summary.findings} findings, job done in ${((Date.now() - t0) / 1000).toFixed(2)} s (upload → stored report)`);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const pages = {
    checklist: {
      path: `/assessments/${created.id}/checklist`,
      ready: async (page) => {
        const first = page.getByTestId("finding").first();
        await first.waitFor();
        await page.locator("[data-testid=checklist][data-hydrated=true]").waitFor();
        // Usable = hydrated: the click must expand the finding (no React, no expansion).
        await first.getByRole("button").first().click();
        await first.getByTestId("finding-detail").waitFor();
      },
    },
    overview: {
      path: `/assessments/${created.id}`,
      ready: async (page) => {
        await page.getByTestId("readiness-score").waitFor();
        await page.locator("[data-testid=category-chart] .recharts-bar-rectangle").first().waitFor();
      },
    },
  };
  const results = {};
  for (const [name, p] of Object.entries(pages)) {
    const times = [];
    for (let i = 0; i <= RUNS; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const [name, value] = cookie.split("=");
      await ctx.addCookies([{ name, value, url: base }]);
      const page = await ctx.newPage();
      const t = performance.now();
      await page.goto(base + p.path, { waitUntil: "commit" });
      await p.ready(page);
      const ms = performance.now() - t;
      if (i > 0) times.push(ms); // run 0 warms the server
      await ctx.close();
    }
    results[name] = times;
  }
  await browser.close();
  console.log(`runs per page: ${RUNS} (fresh browser context each, after one warm-up)`);
  for (const [name, times] of Object.entries(results)) {
    console.log(`${name.padEnd(10)} usable in median ${(median(times) / 1000).toFixed(2)} s, worst ${(Math.max(...times) / 1000).toFixed(2)} s`);
  }
  // Exports of the same report: Markdown and the Chromium-rendered PDF (first call launches Chromium).
  for (const format of ["md", "pdf"]) {
    const times = [];
    let bytes = 0;
    for (let i = 0; i <= RUNS; i++) {
      const t = performance.now();
      const r = await fetch(`${base}/api/assessments/${created.id}/export?format=${format}`, authed());
      bytes = (await r.arrayBuffer()).byteLength;
      if (!r.ok) throw new Error(`${format} export: ${r.status}`);
      times.push(performance.now() - t);
    }
    console.log(`export ${format.padEnd(4)} first ${(times[0] / 1000).toFixed(2)} s, then median ${(median(times.slice(1)) / 1000).toFixed(2)} s (${(bytes / 1024).toFixed(0)} KiB)`);
  }
  const verdict = median(results.checklist) <= 1500 ? "OK" : "OVER";
  console.log(`rnacentral checklist: ${(median(results.checklist) / 1000).toFixed(2)} s (target 1.50 s) ${verdict}`);
} finally {
  await cleanup();
}
