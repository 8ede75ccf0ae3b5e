/**
 * Registers `dsql-preflight rewrite`; the work happens in rewrite-run.ts, imported when the command runs.
 */
import type { Command } from "commander";
import { Option } from "commander";
import { KEY_STRATEGIES } from "../rewrite/types";
import type { RewriteCliOptions, runRewrite } from "./rewrite-run";

export function registerRewriteCommand(program: Command, setExit: (code: number) => void, helpers: Parameters<typeof runRewrite>[2]): void {
  program
    .command("rewrite")
    .description(
      "Write DSQL-ready DDL (schema.dsql.sql, steps/), per-object diffs (changes.patch), a migration plan (plan.md, plan.json, report.json) and, for uuid keys, the key remap and verification scripts (remap/).",
    )
    .argument("[inputs...]", "files, directories, .zip archives, or - for stdin")
    .requiredOption("-o, --out <dir>", "output directory, or - for the DSQL script alone on standard output")
    .addOption(
      new Option("--key-strategy <strategy>", "key strategy for serial/sequence columns").choices(KEY_STRATEGIES as unknown as string[]),
    )
    .option("--remap-batch-rows <n>", "rows per transaction in the remap/ scripts written for uuid keys (1–3000, default 2500)")
    .option("--config <file>", 'JSON: {"keyStrategy": "identity", "tables": {"public.orders": {"keyStrategy": "uuid"}}}')
    .option("-t, --target-date <YYYY-MM-DD>", "assess against DSQL capabilities as of this date")
    .option("--max-bytes <size>", "refuse inputs larger than this (default 50MB)")
    .option(
      "--database <name>",
      "of a cluster dump (pg_dumpall): rewrite this database only (default: each into its own folder under --out)",
    )
    .option(
      "--verify",
      "load the inputs and the rewritten script into a throwaway PostgreSQL and compare tables, columns and keys (verify.json); exit 1 on an unexplained difference",
    )
    .action(async (inputs: string[], o: RewriteCliOptions) => {
      const { runRewrite } = await import("./rewrite-run");
      setExit(await runRewrite(inputs, o, helpers));
    });
}
