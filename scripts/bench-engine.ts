// The engine pieces the benchmark times, bundled by scripts/bench.mjs.
import { parseSync } from "libpg-query";
import { analyze } from "../lib/analyze";
import { loadParser } from "../lib/ingest/parse";
import { scanScript } from "../lib/ingest/lex";

export const ready = loadParser;

export function rawParse(text: string) {
  return parseSync(text);
}

export function countStatements(text: string): number {
  return scanScript(text).statements.length;
}

export async function analyzeText(path: string, text: string): Promise<number> {
  const r = await analyze([{ path, text, bytes: text.length, encoding: "utf-8" }]);
  return r.findings.length;
}
