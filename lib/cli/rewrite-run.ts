/**
 * `dsql-preflight rewrite <inputs> --out DIR`: DSQL-ready DDL, per-step files, a patch and the plan.
 * Loaded only when the command runs, so `analyze` does not pay for the rewrite engine at start-up.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { readInputs } from "../ingest/sources";
import { assessFiles } from "../pipeline/assess";
import { planMarkdown } from "../plan/markdown";
import { renderDataScript } from "../rewrite/data";
import { renderSteps } from "../rewrite/render";
import { headline, withFigures } from "../report/figures";
import { DEFAULT_KEY_STRATEGY, KEY_STRATEGIES, type KeyStrategy } from "../report/vocabulary";

/** --config FILE: per-table key strategies. */
export const RewriteConfig = z.object({
  keyStrategy: z.enum(KEY_STRATEGIES).optional(),
  tables: z.record(z.string(), z.object({ keyStrategy: z.enum(KEY_STRATEGIES) })).optional(),
});

export interface RewriteCliOptions {
  out: string;
  keyStrategy?: KeyStrategy;
  config?: string;
  targetDate?: string;
  maxBytes?: string;
}

export async function runRewrite(inputs: string[], o: RewriteCliOptions, helpers: { checkTargetDate(d?: string): string; parseSize(s: string): number; UsageError: new (m: string) => Error }): Promise<number> {
  if (inputs.length === 0) throw new helpers.UsageError("rewrite: give at least one file, directory, .zip, or - for stdin");
  if (!o.out) throw new helpers.UsageError("rewrite: --out DIR is required");
  let cfg: z.infer<typeof RewriteConfig> = {};
  if (o.config) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(o.config, "utf8"));
    } catch (e) {
      throw new helpers.UsageError(`--config ${o.config}: ${(e as Error).message}`);
    }
    const parsed = RewriteConfig.safeParse(raw);
    if (!parsed.success) throw new helpers.UsageError(`--config ${o.config}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
    cfg = parsed.data;
  }
  const files = readInputs(inputs, { maxBytes: o.maxBytes ? helpers.parseSize(o.maxBytes) : undefined });
  const tableStrategies = Object.fromEntries(Object.entries(cfg.tables ?? {}).map(([t, v]) => [t, v.keyStrategy]));
  const targetDate = helpers.checkTargetDate(o.targetDate);
  const { report, artifacts, rewritten } = await assessFiles(files, {
    targetDate,
    rewrite: { keyStrategy: o.keyStrategy ?? cfg.keyStrategy ?? DEFAULT_KEY_STRATEGY, tableStrategies, targetDate },
    onRewriteError: "throw",
  });
  const { rw, plan } = rewritten!;
  mkdirSync(o.out, { recursive: true });
  writeFileSync(join(o.out, "schema.dsql.sql"), artifacts.script!);
  if (rw.data.length) writeFileSync(join(o.out, "data.dsql.sql"), renderDataScript(rw));
  const steps = renderSteps(rw);
  const stepDir = join(o.out, "steps");
  rmSync(stepDir, { recursive: true, force: true });
  mkdirSync(stepDir, { recursive: true });
  for (const f of steps.files) writeFileSync(join(stepDir, f.name), f.content);
  writeFileSync(join(stepDir, "manifest.json"), JSON.stringify(steps.manifest, null, 2) + "\n");
  writeFileSync(join(o.out, "changes.patch"), artifacts.patch!);
  writeFileSync(join(o.out, "plan.md"), planMarkdown(plan, rw));
  writeFileSync(join(o.out, "plan.json"), JSON.stringify(plan, null, 2) + "\n");
  const full = withFigures(report);
  writeFileSync(join(o.out, "report.json"), JSON.stringify(full, null, 2) + "\n");
  const h = headline(full.figures);
  process.stderr.write(`dsql-preflight: ${h.rewrite}; ${h.effort}; ${steps.files.length} step files → ${o.out}\n`);
  return 0;
}
