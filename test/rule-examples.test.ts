/**
 * Every rule's documented example is real: `example.bad` triggers the rule and `example.good` does not,
 * on a target date when the rule applies (sqlfluff's pass/fail cases, run through the real parser).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadParser } from "../lib/ingest/parse";
import { ALL_RULES, WORKLOAD_RULES } from "../lib/rules/all";
import type { RuleMeta } from "../lib/rules/core/rule";
import type { WorkloadRule } from "../lib/rules/core/workload-rule";
import { facts, type ObservedStatement } from "../lib/workload/observed";
import { statementFindings } from "../lib/workload/rules";
import { findingsOf } from "./rule-harness";

/** A date on which the rule is active: its first day, or the day before DSQL retired it. */
export function activeDate(rule: RuleMeta): string | undefined {
  if (rule.appliesFrom) return rule.appliesFrom.since;
  if (rule.appliesUntil) return new Date(Date.parse(rule.appliesUntil.since) - 86_400_000).toISOString().slice(0, 10);
  return undefined;
}

describe("schema rule examples", () => {
  for (const rule of ALL_RULES) {
    it(`${rule.id}: example.bad triggers it, example.good does not`, async () => {
      const date = rule.example.targetDate ?? activeDate(rule);
      // Limit rules document an abbreviated example and provide it at full size as well.
      const { bad, good } = rule.exampleAtScale?.() ?? rule.example;
      expect((await findingsOf(rule, bad, date)).length, bad.slice(0, 200)).toBeGreaterThan(0);
      expect(await findingsOf(rule, good, date), good.slice(0, 200)).toEqual([]);
    });
  }
});

describe("workload rule examples", () => {
  beforeAll(() => loadParser());
  /** The example as one statement the application ran ten times. */
  const ran = (query: string): ObservedStatement => ({
    id: "q",
    query,
    calls: 10,
    rows: 10,
    totalMs: 10,
    meanMs: 1,
    maxMs: 1,
    interval: { calls: 0, rows: 0, totalMs: 0 },
    ...facts(query),
  });
  const found = (rule: WorkloadRule, query: string) =>
    statementFindings(
      [ran(query)],
      () => 100,
      () => 1,
    ).filter((f) => f.ruleId === rule.id);

  // Rules without `match` fire on measurements (rows per call, run time, insert rates), not on the text;
  // test/source/ covers them with measured statements.
  for (const rule of WORKLOAD_RULES.filter((r) => r.match)) {
    it(`${rule.id}: example.bad triggers it, example.good does not`, () => {
      expect(found(rule, rule.example.bad).length, rule.example.bad).toBeGreaterThan(0);
      expect(found(rule, rule.example.good), rule.example.good).toEqual([]);
    });
  }
});
