/**
 * dsql-preflight command line. Exit codes: 0 nothing reached --fail-on, 1 something did,
 * 2 usage or input errors (the message names the file and the problem).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { databasesOfInputs, describeDatabases, selectDatabase } from "../ingest/databases";
import { InputError } from "../ingest/input";
import { inSectionOrder } from "../ingest/sections";
import { readInputs } from "../ingest/sources";
import { checkHasStatements } from "../ingest/limits";
import { LATEST_CAPABILITY_DATE, isValidDate } from "../rules/core/capabilities";
import type { CostEstimate } from "../cost/model";
import type { WorkloadInput } from "../cost/workload-input";
import type { SchemaModel } from "../model/schema";
import { assessFiles } from "../pipeline/assess";
import type { AssessmentReport } from "../report/contract";
import { withFigures } from "../report/figures";
import { toMarkdown } from "../report/markdown";
import { toSarif } from "../report/sarif";
import { toText } from "../report/text";
import { REPORT_FORMATS, type ReportFormat } from "../report/vocabulary";
import { TOOL_VERSION } from "../version";
import { registerRewriteCommand } from "./rewrite-command";
import { registerStoreCommands } from "./export-command";

export class UsageError extends Error {}

export const FORMATS = REPORT_FORMATS;
export type Format = ReportFormat;

export function render(report: AssessmentReport, format: Format): string {
  switch (format) {
    case "json":
      return JSON.stringify(withFigures(report), null, 2) + "\n";
    case "md":
      return toMarkdown(report);
    case "sarif":
      return JSON.stringify(toSarif(report), null, 2) + "\n";
    default:
      return toText(report);
  }
}

export function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(s.trim());
  if (!m) throw new UsageError(`--max-bytes: "${s}" is not a size (examples: 50MB, 200kb, 1048576)`);
  const unit = (m[2] ?? "b").toLowerCase()[0];
  const mult = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  return Math.floor(Number(m[1]) * mult);
}

function parseCount(s: string, flag: string): number {
  if (!/^\d+$/.test(s.trim()) || Number(s) <= 0) throw new UsageError(`${flag}: "${s}" is not a positive whole number`);
  return Number(s);
}

export function checkTargetDate(d: string | undefined): string {
  if (d === undefined) return LATEST_CAPABILITY_DATE;
  if (!isValidDate(d)) throw new UsageError(`--target-date: "${d}" is not a date in YYYY-MM-DD form`);
  return d;
}

function fails(report: AssessmentReport, failOn: string): boolean {
  const s = report.summary.bySeverity;
  if (failOn === "never") return false;
  if (failOn === "warning") return s.blocker + s.warning > 0;
  return s.blocker > 0;
}

function emit(text: string, out: string | undefined) {
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
}

export interface AnalyzeCliOptions {
  format: Format;
  out?: string;
  targetDate?: string;
  failOn: "blocker" | "warning" | "never";
  maxBytes?: string;
  database?: string;
  maxStatements?: string;
  progress?: boolean;
  db?: string;
  sampleSeconds?: string;
  region?: string;
  saveSnapshot?: string;
  workloadTps?: string;
  rowsPerTxn?: string;
  readWriteRatio?: string;
  storageGb?: string;
  workload?: string;
}

/** An entered workload and the cost estimate it gives for an analysed schema. */
interface EnteredWorkload {
  input: WorkloadInput;
  cost(model: SchemaModel | undefined): CostEstimate;
}

/**
 * The entered workload (flags and/or --workload file), validated before any work starts. Its module (with
 * zod and the YAML parser) loads only when a workload is entered: most runs have none and start faster.
 */
async function enteredWorkload(o: AnalyzeCliOptions): Promise<EnteredWorkload | undefined> {
  if ([o.workloadTps, o.rowsPerTxn, o.readWriteRatio, o.storageGb, o.workload].every((v) => v === undefined)) return undefined;
  const { estimateEntered, schemaDefaults, workloadFromFlags, WorkloadInputError } = await import("../cost/workload-input");
  let input: WorkloadInput | undefined;
  try {
    input = workloadFromFlags(o, (path) => {
      try {
        return readFileSync(path, "utf8");
      } catch {
        throw new WorkloadInputError(`--workload: cannot read ${path}`);
      }
    });
  } catch (e) {
    if (e instanceof WorkloadInputError) throw new UsageError(e.message);
    throw e;
  }
  if (!input) return undefined;
  const entered = input;
  return {
    input: entered,
    // An unknown --region is a usage error.
    cost: (model) => {
      try {
        return estimateEntered(entered, schemaDefaults(model), { region: o.region });
      } catch (e) {
        if (/no DSQL price for region/.test(String((e as Error).message))) throw new UsageError(`--region: ${(e as Error).message}`);
        throw e;
      }
    },
  };
}

export async function runAnalyze(inputs: string[], o: AnalyzeCliOptions): Promise<number> {
  // The live-source path (and its pg driver) loads only when asked for, keeping file analysis quick to start.
  const wantsSource = o.db !== undefined || (inputs.length === 1 && /\.json$/i.test(inputs[0]));
  const workload = await enteredWorkload(o);
  const fromSource = !wantsSource
    ? undefined
    : await (
        await import("./source-analyze")
      ).runSourceAnalyze(
        inputs,
        { ...o, enteredCost: workload?.cost },
        {
          targetDate: checkTargetDate,
          usageError: (m) => new UsageError(m),
          finish: (report) => {
            emit(render(report, o.format), o.out);
            return fails(report, o.failOn) ? 1 : 0;
          },
        },
      );
  if (fromSource !== undefined) return fromSource;
  if (inputs.length === 0) throw new UsageError("analyze: give at least one file, directory, .zip, or - for stdin");
  const targetDate = checkTargetDate(o.targetDate);
  const maxBytes = o.maxBytes ? parseSize(o.maxBytes) : undefined;
  const ordered = inSectionOrder(readInputs(inputs, { maxBytes }));
  if (ordered.note) process.stderr.write(`dsql-preflight: ${ordered.note}\n`);
  let files = ordered.files;
  checkHasStatements(files);
  if (o.database) files = selectDatabase(files, o.database, (m) => new UsageError(m));
  else {
    const dbs = databasesOfInputs(files);
    if (dbs.length > 1)
      process.stderr.write(
        `dsql-preflight: the inputs hold ${dbs.length} databases (${describeDatabases(dbs)}); a DSQL cluster has one database, so each moves to its own cluster. This report assesses them together (objects of the same name in two databases count once): assess each with --database NAME\n`,
      );
  }
  const { report } = await assessFiles(files, {
    targetDate,
    maxStatements: o.maxStatements === undefined ? undefined : parseCount(o.maxStatements, "--max-statements"),
    hooks: {
      onProgress: o.progress
        ? (p) => process.stderr.write(`analysed ${p.file} (${p.filesDone}/${p.filesTotal}, ${p.statements} statements)\n`)
        : undefined,
    },
    cost: workload?.cost,
  });
  emit(render(report, o.format), o.out);
  return fails(report, o.failOn) ? 1 : 0;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name("dsql-preflight")
    .description("Assess what it takes to move a PostgreSQL database to Amazon Aurora DSQL.")
    .version(TOOL_VERSION)
    .exitOverride()
    .showHelpAfterError("(run dsql-preflight --help for usage)");

  program
    .command("analyze")
    .description(
      "Find every DSQL incompatibility in SQL files (pg_dump output, migration folders, psql scripts). " +
        "Inputs: files, directories (their .sql files in natural filename order), .zip archives, or - for stdin.",
    )
    .argument("[inputs...]", "files, directories, .zip archives, or - for stdin")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS as unknown as string[]).default("text"))
    .option("-o, --out <file>", "write the report to a file instead of stdout")
    .option(
      "-t, --target-date <YYYY-MM-DD>",
      `assess against DSQL capabilities as of this date (default: newest known, ${LATEST_CAPABILITY_DATE})`,
    )
    .addOption(
      new Option("--fail-on <severity>", "exit 1 when a finding reaches this severity")
        .choices(["blocker", "warning", "never"])
        .default("blocker"),
    )
    .option("--max-bytes <size>", "refuse inputs larger than this, per file and in total (default 50MB)")
    .option("--max-statements <n>", "refuse inputs with more statements than this, before any work (default 300000)")
    .option("--progress", "print progress per file on stderr")
    .option("--database <name>", "of a cluster dump (pg_dumpall): assess this database only, with the roles and tablespaces before it")
    .option(
      "--db <url>",
      "assess a live PostgreSQL database (read-only session), e.g. postgresql://user@host/db?sslmode=verify-full&sslrootcert=ca.pem",
    )
    .option(
      "--sample-seconds <n>",
      "with --db: seconds of sampling: table activity and statements at both ends, connections (pg_stat_activity) 7 times (default 60)",
    )
    .option("--save-snapshot <file>", "with --db: also write the collected snapshot (catalog + statistics, no data, no credentials)")
    .option("--region <region>", "AWS Region for DSQL prices in the cost estimate (default us-east-1)")
    .option("--workload-tps <n>", "entered workload for the cost estimate: transactions per second (when nothing was measured)")
    .option("--rows-per-txn <n>", "entered workload: rows read or written per transaction")
    .option("--read-write-ratio <reads:writes>", "entered workload: read/write mix, e.g. 80:20 (or a read share such as 0.8)")
    .option("--storage-gb <n>", "entered workload: data stored, in GB")
    .option(
      "--workload <file>",
      "entered workload from a YAML or JSON file (transactionsPerSecond, rowsPerTransaction, readWriteRatio, storageGb; optional rowBytes, secondaryIndexes, computeMsPerTransaction)",
    )
    .addHelpText(
      "after",
      `
Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 for usage or input errors.

Examples:
  dsql-preflight analyze schema.sql
  pg_dump --schema-only mydb | dsql-preflight analyze - --format json --out report.json
  dsql-preflight analyze db/migrations --format sarif --out dsql.sarif --fail-on warning
  dsql-preflight analyze schema.sql --target-date 2026-06-01
  dsql-preflight analyze --db "postgresql://assessor@db.internal/app?sslmode=verify-full&sslrootcert=ca.pem" --sample-seconds 120 --format json
  dsql-preflight analyze snapshot.json   (from psql -f scripts/dsql-preflight-collect.sql)
  dsql-preflight analyze schema.sql --workload-tps 200 --rows-per-txn 5 --read-write-ratio 80:20 --storage-gb 50 --format json`,
    )
    .action(async (inputs: string[], o: AnalyzeCliOptions) => setExit(await runAnalyze(inputs, o)));

  registerRewriteCommand(program, setExit, { checkTargetDate, parseSize, UsageError });
  registerStoreCommands(program, setExit, { UsageError });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => (code = c));
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof InputError || e instanceof UsageError) {
      process.stderr.write(`dsql-preflight: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`dsql-preflight: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}
