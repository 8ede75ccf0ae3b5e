/**
 * `dsql-preflight rewrite <inputs> --out DIR`: DSQL-ready DDL, per-step files, a patch and the plan.
 * Loaded only when the command runs, so `analyze` does not pay for the rewrite engine at start-up.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { databasesOfInputs, describeDatabases, selectDatabase } from "../ingest/databases";
import type { InputFile } from "../ingest/input";
import { inSectionOrder } from "../ingest/sections";
import { readInputs } from "../ingest/sources";
import { checkHasStatements } from "../ingest/limits";
import { assessFiles } from "../pipeline/assess";
import { planMarkdown } from "../plan/markdown";
import { renderDataScript } from "../rewrite/data";
import { eachStep } from "../rewrite/render";
import { verifyOnEmbeddedPostgres, verifySummary } from "../rewrite/verify-run";
import type { VerifyResult } from "../rewrite/verify";
import { headline, withFigures } from "../report/figures";
import { writeJsonFile } from "../report/json-stream";
import { DEFAULT_KEY_STRATEGY, KEY_STRATEGIES, type KeyStrategy } from "../report/vocabulary";
import { MAX_BATCH_ROWS } from "../remap/model";

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
  remapBatchRows?: string;
  verify?: boolean;
  database?: string;
}

export async function runRewrite(
  inputs: string[],
  o: RewriteCliOptions,
  helpers: { checkTargetDate(d?: string): string; parseSize(s: string): number; UsageError: new (m: string) => Error },
): Promise<number> {
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
    if (!parsed.success)
      throw new helpers.UsageError(
        `--config ${o.config}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`,
      );
    cfg = parsed.data;
  }
  const ordered = inSectionOrder(readInputs(inputs, { maxBytes: o.maxBytes ? helpers.parseSize(o.maxBytes) : undefined }));
  if (ordered.note) process.stderr.write(`dsql-preflight: ${ordered.note}\n`);
  const files = ordered.files;
  checkHasStatements(files);
  const usageError = (m: string) => new helpers.UsageError(m);
  if (o.database) return rewriteFiles(selectDatabase(files, o.database, usageError), o, cfg, helpers);
  const databases = databasesOfInputs(files);
  if (databases.length < 2) return rewriteFiles(files, o, cfg, helpers);
  if (o.out === "-")
    throw new helpers.UsageError(
      `the inputs hold ${databases.length} databases (${describeDatabases(databases)}) and -o - writes one script: name one with --database, or give -o <dir> for one folder each`,
    );
  // A cluster dump (pg_dumpall): DSQL has one database per cluster, so each database gets its own rewrite.
  process.stderr.write(
    `dsql-preflight: the inputs hold ${databases.length} databases (${describeDatabases(databases)}); a DSQL cluster has one database, so each is rewritten for its own cluster into ${o.out}/<database>/, with the roles and tablespaces before the first \\connect\n`,
  );
  let code = 0;
  for (const d of databases) {
    const out = join(o.out, d.name.replace(/[^A-Za-z0-9_.-]+/g, "_"));
    process.stderr.write(`dsql-preflight: database ${d.name}:\n`);
    code = Math.max(code, await rewriteFiles(selectDatabase(files, d.name, usageError), { ...o, out }, cfg, helpers));
  }
  return code;
}

async function rewriteFiles(
  files: InputFile[],
  o: RewriteCliOptions,
  cfg: z.infer<typeof RewriteConfig>,
  helpers: Parameters<typeof runRewrite>[2],
): Promise<number> {
  const tableStrategies = Object.fromEntries(Object.entries(cfg.tables ?? {}).map(([t, v]) => [t, v.keyStrategy]));
  let batchRows: number | undefined;
  if (o.remapBatchRows !== undefined) {
    batchRows = Number(o.remapBatchRows);
    if (!/^\d+$/.test(o.remapBatchRows) || batchRows < 1 || batchRows > MAX_BATCH_ROWS)
      throw new helpers.UsageError(
        `--remap-batch-rows ${o.remapBatchRows}: give a whole number from 1 to ${MAX_BATCH_ROWS} (DSQL's row limit per transaction)`,
      );
  }
  const targetDate = helpers.checkTargetDate(o.targetDate);
  let verification: VerifyResult | undefined;
  const { report, artifacts, rewritten } = await assessFiles(files, {
    targetDate,
    rewrite: { keyStrategy: o.keyStrategy ?? cfg.keyStrategy ?? DEFAULT_KEY_STRATEGY, tableStrategies, targetDate },
    plan: { remap: { batchRows } },
    // Before the plan and report are built, so each rewritten object carries its PostgreSQL run result too.
    checkRewrite: o.verify
      ? async (rw) => {
          const v = (verification = await verifyOnEmbeddedPostgres(files, rw));
          return {
            verification: {
              ok: v.ok,
              explained: v.explained.length,
              unexplained: v.unexplained.length,
              failures: v.failures.length,
              server: v.server,
            },
          };
        }
      : undefined,
    onRewriteError: "throw",
  });
  const { rw, plan } = rewritten!;
  if (o.out === "-") return scriptToStdout(artifacts.script!, rw, withFigures(report), verification);
  mkdirSync(o.out, { recursive: true });
  writeFileSync(join(o.out, "schema.dsql.sql"), artifacts.script!);
  const loadOrder = plan.loads.map((l) => l.table);
  if (rw.data.length) writeFileSync(join(o.out, "data.dsql.sql"), renderDataScript(rw, loadOrder));
  const stepDir = join(o.out, "steps");
  rmSync(stepDir, { recursive: true, force: true });
  mkdirSync(stepDir, { recursive: true });
  // Each step file is written as it is rendered: a large input has hundreds of thousands.
  let stepFiles = 0;
  const manifest = eachStep(rw, (f) => {
    writeFileSync(join(stepDir, f.name), f.content);
    stepFiles++;
  });
  writeJsonFile(join(stepDir, "manifest.json"), manifest, 2, "\n");
  writeFileSync(join(o.out, "changes.patch"), artifacts.patch!);
  const remapDir = join(o.out, "remap");
  rmSync(remapDir, { recursive: true, force: true });
  if (plan.remap) {
    mkdirSync(remapDir, { recursive: true });
    for (const f of plan.remap.files) writeFileSync(join(remapDir, f.name), f.content);
  }
  writeFileSync(join(o.out, "plan.md"), planMarkdown(plan, rw));
  writeFileSync(join(o.out, "plan.json"), JSON.stringify(plan, null, 2) + "\n");
  const withAll = withFigures(report);
  // Hundreds of MB for a large input: written in pieces rather than built as one string.
  writeJsonFile(join(o.out, "report.json"), withAll, 2, "\n");
  const h = headline(withAll.figures);
  process.stderr.write(
    `dsql-preflight: ${h.rewrite}; ${h.effort}; ${stepFiles} step files${plan.remap ? `, ${plan.remap.files.length} remap files (${plan.remap.jobs.length} columns to remap)` : ""} → ${o.out}\n`,
  );
  if (rw.cleanup) process.stderr.write(`dsql-preflight: ${rw.cleanup.message}\n`);
  if (verification) {
    writeFileSync(join(o.out, "verify.json"), JSON.stringify(verification, null, 2) + "\n");
    process.stderr.write(
      verifySummary(verification)
        .map((l) => `dsql-preflight: ${l}\n`)
        .join(""),
    );
    if (!verification.ok) return 1;
  }
  return 0;
}

/**
 * `-o -`: the DSQL script alone on standard output, for a pipe or a CI step (as linters' --fix streams
 * its output); the summary, and what the script leaves to other files, go to standard error.
 */
function scriptToStdout(
  script: string,
  rw: NonNullable<Awaited<ReturnType<typeof assessFiles>>["rewritten"]>["rw"],
  report: ReturnType<typeof withFigures>,
  verification: VerifyResult | undefined,
): number {
  process.stdout.write(script);
  const h = headline(report.figures);
  const say = (m: string) => process.stderr.write(`dsql-preflight: ${m}\n`);
  say(`${h.rewrite}; ${h.effort} → standard output (the schema script only)`);
  if (rw.cleanup) say(rw.cleanup.message);
  if (rw.data.length) say(`${rw.data.length} data statement(s) are not in it: give -o <dir> for data.dsql.sql and the load order`);
  if (rw.manual.length) say(`${rw.manual.length} manual work item(s) are kept out of it: give -o <dir> for plan.md, or see analyze`);
  if (verification) {
    for (const l of verifySummary(verification)) say(l);
    if (!verification.ok) return 1;
  }
  return 0;
}
