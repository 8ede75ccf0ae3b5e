/**
 * Runs real SQL through the real parser and analyzer, then returns what one rule found.
 * Rule tests use it to show SQL that must trigger the rule and close-but-valid SQL that must not.
 */
import { analyze } from "../lib/analyze";
import type { Finding, Rule } from "../lib/rules/core/rule";

export async function findingsOf(rule: Rule | string, sql: string | Record<string, string>, targetDate?: string): Promise<Finding[]> {
  const id = typeof rule === "string" ? rule : rule.id;
  const files = typeof sql === "string" ? { "test.sql": sql } : sql;
  const result = await analyze(
    Object.entries(files).map(([path, text]) => ({ path, text, bytes: Buffer.byteLength(text), encoding: "utf-8" as const })),
    { targetDate },
  );
  return result.findings.filter((f) => f.ruleId === id);
}
