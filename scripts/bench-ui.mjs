// `npm run bench:ui`: how fast the assessment pages of the largest corpus file become usable in Chromium.
// Starts the built app on a fresh embedded database (or uses BENCH_URL), assesses rnacentral-rna.sql,
// then, in a fresh browser context per run, loads each page and waits until it is usable: the content is
// rendered AND hydrated (a click on a finding expands it). Prints the median and worst of BENCH_RUNS runs.
// Target: the checklist of rnacentral usable within 1.5 s.
// Before the pages: upload → stored report of the same file, per stage (parse, analyse, rewrite, report,
// store, from the worker's log) against the CLI `rewrite` of the file in the same run (target ≤ 2×), and
// throughput of BENCH_PARALLEL (20) parallel uploads with 1 worker, then with a second worker process.
// `npm run bench:ui -- --scale`: instead, the worker path's memory: 1×, 4×, 16×, 36× rnacentral, each
// uploaded to the app and run by a fresh worker process (`npm run worker`), printing that process's
// peak RSS (threads included) and the job's stages. Target: ≤ 1 GB or a clear refusal before any work.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from "node:fs";
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
const SCALE = process.argv.includes("--scale");

// On a fresh clone the app is built first, so the figures are always of the built app.
if (!process.env.BENCH_URL && !existsSync(join(root, ".next", "BUILD_ID"))) {
  console.log("bench:ui: no build found, running npm run build first");
  const b = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
  if (b.status !== 0) process.exit(b.status ?? 1);
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
let log = "";
let base = process.env.BENCH_URL;
if (!base) {
  const port = await freePort();
  dataDir = mkdtempSync(join(tmpdir(), "preflight-bench-"));
  server = spawn(process.execPath, [join(root, "scripts/serve.mjs")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      // In --scale mode each job runs in its own worker process, so its peak RSS is that job's alone.
      ...(SCALE ? { WORKER: "0" } : {}),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
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
  if (SCALE) {
    if (!dataDir) throw new Error("--scale starts its own worker processes: run it without BENCH_URL");
    await scaleRuns();
  } else await pagesAndJobs();
} finally {
  await cleanup();
}

async function pagesAndJobs() {
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
  const stored = (Date.now() - t0) / 1000;
  console.log(
    `assessment of ${file.split("/").pop()}: ${status.summary.findings} findings, job done in ${stored.toFixed(2)} s (upload → stored report)`,
  );
  await reportStages(created.id, stored);
  await throughput();

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
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
        await page.getByTestId("problem-count").waitFor();
        await page
          .locator("[data-testid=effort-chart] .recharts-bar-rectangle")
          .first()
          .or(page.getByText("No problem needs a person."))
          .waitFor();
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
    console.log(
      `${name.padEnd(10)} usable in median ${(median(times) / 1000).toFixed(2)} s, worst ${(Math.max(...times) / 1000).toFixed(2)} s`,
    );
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
    console.log(
      `export ${format.padEnd(4)} first ${(times[0] / 1000).toFixed(2)} s, then median ${(median(times.slice(1)) / 1000).toFixed(2)} s (${(bytes / 1024).toFixed(0)} KiB)`,
    );
  }
  const verdict = median(results.checklist) <= 1500 ? "OK" : "OVER";
  console.log(`rnacentral checklist: ${(median(results.checklist) / 1000).toFixed(2)} s (target 1.50 s) ${verdict}`);
}

/** The worker's per-stage line for one assessment, next to the CLI `rewrite` of the same file. */
async function reportStages(id, storedSeconds) {
  const stages = new RegExp(`assessment ${id}: \\d+ findings in (\\d+) ms \\(([^)]*)\\)`).exec(log);
  if (stages) console.log(`  job stages (ms): ${stages[2]}; whole job ${stages[1]} ms`);
  const out = mkdtempSync(join(tmpdir(), "preflight-bench-rewrite-"));
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(root, "bin/dsql-preflight.js"), "rewrite", file, "--out", out], { encoding: "utf8" });
    times.push((performance.now() - t) / 1000);
    if (r.status !== 0 && r.status !== 1) throw new Error(`CLI rewrite failed: ${r.stderr}`);
  }
  rmSync(out, { recursive: true, force: true });
  const cli = median(times);
  const ratio = storedSeconds / cli;
  console.log(
    `  CLI rewrite of the same file: median ${cli.toFixed(2)} s → upload → stored report is ${ratio.toFixed(2)}× (target ≤ 2×) ${ratio <= 2 ? "OK" : "OVER"}`,
  );
}

/** BENCH_PARALLEL uploads at once; jobs per minute with the web process's worker, then with a second worker process. */
async function throughput() {
  const n = Number(process.env.BENCH_PARALLEL ?? 20);
  if (!n) return;
  const bytes = readFileSync(file);
  let resent = 0;
  /** Why each resent upload failed (the fetch error's cause), so the figure says what happened. */
  let causes = new Map();
  const batch = async () => {
    resent = 0;
    causes = new Map();
    const t = Date.now();
    const ids = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const fd = new FormData();
        fd.set("name", `bench parallel ${i}`);
        fd.append("files", new Blob([bytes]), file.split("/").pop());
        // A connection the loaded server drops mid-upload is sent again (counted), as a browser user would.
        for (let attempt = 1; ; attempt++) {
          try {
            const r = await fetch(`${base}/api/assessments`, authed({ method: "POST", body: fd }));
            if (r.status !== 202) throw new Error(`upload ${i}: ${r.status} ${await r.text()}`);
            return (await r.json()).id;
          } catch (e) {
            if (attempt === 3 || !/fetch failed/.test(e.message)) throw new Error(`${e.message}\n${log.split("\n").slice(-15).join("\n")}`);
            resent++;
            const why = e.cause ? `${e.cause.code ?? e.cause.name}: ${e.cause.message}` : "no cause given";
            causes.set(why, (causes.get(why) ?? 0) + 1);
          }
        }
      }),
    );
    const pending = new Set(ids);
    while (pending.size) {
      for (const id of [...pending]) {
        const s = await (await fetch(`${base}/api/assessments/${id}`, authed())).json();
        if (s.status === "failed") throw new Error(`parallel job failed: ${s.error}`);
        if (s.status === "done") pending.delete(id);
      }
      if (pending.size) await new Promise((r) => setTimeout(r, 500));
    }
    return (Date.now() - t) / 1000;
  };
  const one = await batch();
  console.log(
    `${n} parallel uploads, 1 worker: all stored after ${one.toFixed(1)} s → ${((n * 60) / one).toFixed(1)} jobs/min${resent ? ` (${resent} uploads resent: ${[...causes].map(([w, k]) => `${k}× ${w}`).join("; ")})` : ""}`,
  );
  if (!dataDir) return; // a second worker needs the bench's own server (its DATA_DIR)
  const second = spawn(process.execPath, [join(root, "scripts/worker.mjs")], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let workerLog = "";
  second.stdout.on("data", (d) => (workerLog += d));
  second.stderr.on("data", (d) => (workerLog += d));
  try {
    for (const t = Date.now(); !/listening on/.test(workerLog);) {
      if (Date.now() - t > 60_000 || second.exitCode !== null) throw new Error(`second worker did not start:\n${workerLog}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const two = await batch();
    const shared = (workerLog.match(/findings in/g) ?? []).length;
    console.log(
      `${n} parallel uploads, 2 workers: all stored after ${two.toFixed(1)} s → ${((n * 60) / two).toFixed(1)} jobs/min (${(one / two).toFixed(2)}× of one worker; the second ran ${shared})${resent ? ` (${resent} uploads resent: ${[...causes].map(([w, k]) => `${k}× ${w}`).join("; ")})` : ""}`,
    );
  } finally {
    second.kill("SIGTERM");
    await new Promise((r) => (second.exitCode !== null ? r() : second.once("exit", r)));
  }
}

/**
 * --scale: rnacentral ×k uploaded once per size and run by a fresh worker process preloaded with the
 * peak-RSS probe, so each figure is one job's whole process (main thread and analysis thread).
 */
async function scaleRuns() {
  const rna = readFileSync(join(corpus, "rnacentral-rna.sql"), "utf8");
  const tmp = mkdtempSync(join(tmpdir(), "preflight-bench-scale-"));
  console.log("worker path (one worker process per job)   MB    job wall   peak RSS  outcome");
  try {
    for (const k of (process.env.BENCH_SCALES ?? "1,4,16,36").split(",").map(Number)) {
      const path = join(tmp, `rnacentral-x${k}.sql`);
      const text = Array.from({ length: k }, () => rna).join("\n");
      writeFileSync(path, text);
      const worker = spawn(process.execPath, ["--import", join(root, "scripts/bench-rss.mjs"), join(root, "scripts/worker.mjs")], {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir, CHECKPOINT_DISABLE: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let workerLog = "";
      worker.stdout.on("data", (d) => (workerLog += d));
      worker.stderr.on("data", (d) => (workerLog += d));
      let status;
      let seconds = 0;
      try {
        for (const t = Date.now(); !/listening on/.test(workerLog);) {
          if (Date.now() - t > 60_000 || worker.exitCode !== null) throw new Error(`worker did not start:\n${workerLog}`);
          await new Promise((r) => setTimeout(r, 200));
        }
        const fd = new FormData();
        fd.set("name", `bench rnacentral x${k}`);
        fd.append("files", new Blob([readFileSync(path)]), `rnacentral-x${k}.sql`);
        const t0 = Date.now();
        const r = await fetch(`${base}/api/assessments`, authed({ method: "POST", body: fd }));
        if (r.status !== 202) throw new Error(`upload x${k}: ${r.status} ${await r.text()}`);
        const { id } = await r.json();
        for (;;) {
          status = await (await fetch(`${base}/api/assessments/${id}`, authed())).json();
          if (status.status === "done" || status.status === "failed") break;
          if (worker.exitCode !== null)
            throw new Error(`worker exited (${worker.exitCode}):\n${workerLog.split("\n").slice(-15).join("\n")}`);
          await new Promise((r) => setTimeout(r, 500));
        }
        seconds = (Date.now() - t0) / 1000;
      } finally {
        worker.kill("SIGTERM");
        await new Promise((r) => (worker.exitCode !== null ? r() : worker.once("exit", r)));
      }
      const rss = /bench-maxrss-kb=(\d+)/.exec(workerLog);
      const stages = /findings in \d+ ms \(([^)]*)\)/.exec(workerLog);
      const outcome =
        status.status === "done" ? `${status.summary.findings} findings${stages ? ` (${stages[1]})` : ""}` : `refused: ${status.error}`;
      console.log(
        `rnacentral ×${String(k).padEnd(33)} ${(Buffer.byteLength(text) / 2 ** 20).toFixed(1).padStart(5)} ${seconds.toFixed(1).padStart(8)} s ${rss ? (Number(rss[1]) / 1024).toFixed(0).padStart(7) : "      ?"} MB  ${outcome}`,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
