// The engine pieces the benchmark times, bundled by scripts/bench.mjs. Run directly with --memory
// it analyses stdin and prints peak RSS.
import { parseSync } from "libpg-query";
import { analyze } from "../lib/analyze";
import { loadParser } from "../lib/ingest/parse";
import { readFileSync } from "node:fs";

export const ready = loadParser;

export function rawParse(text: string) {
  return parseSync(text);
}

export async function analyzeText(path: string, text: string): Promise<number> {
  const r = await analyze([{ path, text, bytes: text.length, encoding: "utf-8" }]);
  return r.findings.length;
}

if (process.argv.includes("--memory")) {
  const text = readFileSync(0, "utf8");
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t = performance.now();
  analyze([{ path: "big.sql", text, bytes: text.length, encoding: "utf-8" }]).then((r) => {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`${r.findings.length} findings in ${((performance.now() - t) / 1000).toFixed(2)} s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`);
  });
}
