// The engine pieces the benchmark times, bundled by scripts/bench.mjs.
import { parseSync } from "libpg-query";
import { analyze } from "../lib/analyze";
import { loadParser } from "../lib/ingest/parse";
import { scanScript } from "../lib/ingest/lex";
import { ALL_RULES } from "../lib/rules/all";
import type { Rule } from "../lib/rules/core/rule";

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

const noop = () => {};
/**
 * The rules with parts switched off, for `bench --breakdown`. A rule without checkModel / checkStatement
 * is not run at all; one whose check does nothing is still dispatched; the statement kinds it reviews stay
 * the same, so the rest of the analysis does the same work.
 */
export const RULE_VARIANTS: Record<string, Rule[]> = {
  "no model rules": ALL_RULES.map((r) => ({ ...r, checkModel: undefined })),
  "statement rules do nothing": ALL_RULES.map((r) => ({ ...r, checkModel: undefined, checkStatement: r.checkStatement && noop })),
  "no rules": ALL_RULES.map((r) => ({ ...r, checkModel: undefined, checkStatement: undefined })),
};

export async function analyzeVariant(variant: string, path: string, text: string): Promise<number> {
  const r = await analyze([{ path, text, bytes: text.length, encoding: "utf-8" }], { rules: RULE_VARIANTS[variant] });
  return r.findings.length;
}
