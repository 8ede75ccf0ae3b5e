/**
 * A workload the user enters when the source could not measure one (no pg_stat_statements, schema
 * files only): transactions per second, rows per transaction, the read/write mix and storage. It feeds
 * the same DPU/cost model as a measured workload, and the estimate says it was entered, not measured.
 * Sources: CLI flags, a small YAML or JSON file, or the dashboard's form; all validated here.
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { SchemaModel } from "../model/schema";
import { rowBytes } from "../plan/plan";
import { estimateFromInputs, type CostEstimate, type CostOptions } from "./model";

/** "80:20" / "80/20" (reads:writes) or a read share between 0 and 1. */
const RATIO = /^\s*(\d+(?:\.\d+)?)\s*[:/]\s*(\d+(?:\.\d+)?)\s*$/;

export function parseReadWriteRatio(v: string | number): { readShare: number } | { error: string } {
  if (typeof v === "number" || /^\s*\d*\.?\d+\s*$/.test(String(v))) {
    const n = Number(v);
    return n >= 0 && n <= 1 ? { readShare: n } : { error: `"${v}" is not a read share between 0 and 1 (or reads:writes such as 80:20)` };
  }
  const m = RATIO.exec(String(v));
  if (!m) return { error: `"${v}" is not reads:writes (such as 80:20) or a read share between 0 and 1` };
  const [r, w] = [Number(m[1]), Number(m[2])];
  if (r + w === 0) return { error: `"${v}" has neither reads nor writes` };
  return { readShare: r / (r + w) };
}

const positive = (what: string, max: number) =>
  z
    .number({ error: `expected a number (${what})` })
    .positive(`must be greater than 0 (${what})`)
    .max(max, `must be at most ${max.toLocaleString("en")} (${what})`);

export const workloadInputSchema = z
  .object({
    transactionsPerSecond: positive("transactions per second", 1_000_000),
    rowsPerTransaction: positive("rows read or written per transaction", 100_000),
    readWriteRatio: z
      .union([z.string(), z.number()], { error: "expected reads:writes such as 80:20, or a read share between 0 and 1" })
      .superRefine((v, ctx) => {
        const r = parseReadWriteRatio(v);
        if ("error" in r) ctx.addIssue({ code: "custom", message: r.error });
      }),
    storageGb: z
      .number({ error: "expected a number of gigabytes" })
      .min(0, "must be 0 or more")
      .max(262_144, "must be at most 262,144 GB (DSQL's 256 TiB)"),
    rowBytes: positive("average row size in bytes", 2 * 1024 * 1024).optional(),
    secondaryIndexes: z
      .number({ error: "expected a number of indexes" })
      .int("must be a whole number")
      .min(0)
      .max(24, "must be at most 24 (DSQL's index limit per table)")
      .optional(),
    computeMsPerTransaction: z.number({ error: "expected milliseconds" }).min(0).max(300_000).optional(),
  })
  .strict();

export type WorkloadInput = z.infer<typeof workloadInputSchema>;

export class WorkloadInputError extends Error {}

/** Human messages naming each bad field: "transactionsPerSecond: must be greater than 0 (transactions per second)". */
export function describeIssues(e: z.ZodError, where = ""): string {
  return e.issues
    .map(
      (i) =>
        `${where}${i.path.length ? `${i.path.join(".")}: ` : ""}${i.code === "unrecognized_keys" ? `unknown field${i.keys.length > 1 ? "s" : ""} ${i.keys.join(", ")} (known: ${Object.keys(workloadInputSchema.shape).join(", ")})` : i.message}`,
    )
    .join("; ");
}

export function validateWorkloadInput(data: unknown, where = ""): WorkloadInput {
  const r = workloadInputSchema.safeParse(data);
  if (!r.success) throw new WorkloadInputError(describeIssues(r.error, where));
  return r.data;
}

/** A workload file's text, YAML or JSON (JSON is YAML). */
export function parseWorkloadFile(text: string, name: string): WorkloadInput {
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true });
  } catch (e) {
    throw new WorkloadInputError(`${name}: not valid YAML or JSON (${(e as Error).message.split("\n")[0]})`);
  }
  if (!data || typeof data !== "object" || Array.isArray(data))
    throw new WorkloadInputError(`${name}: expected a mapping of fields such as transactionsPerSecond: 200`);
  return validateWorkloadInput(data, `${name}: `);
}

export interface WorkloadFlags {
  workloadTps?: string;
  rowsPerTxn?: string;
  readWriteRatio?: string;
  storageGb?: string;
  workload?: string;
}

const FLAG_OF: Record<string, string> = {
  transactionsPerSecond: "--workload-tps",
  rowsPerTransaction: "--rows-per-txn",
  readWriteRatio: "--read-write-ratio",
  storageGb: "--storage-gb",
};

/** From CLI flags (a file given with --workload is the base; flags override its fields). */
export function workloadFromFlags(o: WorkloadFlags, readFile: (path: string) => string): WorkloadInput | undefined {
  const given = [o.workloadTps, o.rowsPerTxn, o.readWriteRatio, o.storageGb].some((v) => v !== undefined);
  if (!given && !o.workload) return undefined;
  const base: Record<string, unknown> = o.workload ? { ...parseWorkloadFile(readFile(o.workload), o.workload) } : {};
  const num = (v: string | undefined) => (v === undefined ? undefined : v.trim() === "" || !Number.isFinite(Number(v)) ? v : Number(v));
  const merged = { ...base };
  if (o.workloadTps !== undefined) merged.transactionsPerSecond = num(o.workloadTps);
  if (o.rowsPerTxn !== undefined) merged.rowsPerTransaction = num(o.rowsPerTxn);
  if (o.readWriteRatio !== undefined) merged.readWriteRatio = o.readWriteRatio;
  if (o.storageGb !== undefined) merged.storageGb = num(o.storageGb);
  const r = workloadInputSchema.safeParse(merged);
  if (!r.success) {
    throw new WorkloadInputError(
      r.error.issues
        .map((i) => {
          const field = String(i.path[0] ?? "");
          const flag = FLAG_OF[field];
          const missing = merged[field] === undefined;
          return `${flag ?? field}${flag && o.workload && !missing ? ` (or ${field} in ${o.workload})` : ""}: ${missing ? `required with the other workload inputs` : i.message}`;
        })
        .join("; "),
    );
  }
  return r.data;
}

export interface WorkloadDefaults {
  rowBytes: number;
  secondaryIndexes: number;
  /** Where the two numbers come from, for the assumptions. */
  basis: string;
}

/** Row size and index count the schema suggests, when the user did not enter them. */
export function schemaDefaults(model: SchemaModel | undefined): WorkloadDefaults {
  const tables = model ? [...model.tables.values()] : [];
  if (!tables.length)
    return { rowBytes: 128, secondaryIndexes: 0, basis: "no tables known: 128-byte rows (DSQL's billing minimum), no secondary indexes" };
  const widths = tables.map((t) => rowBytes(t));
  const avg = Math.round(widths.reduce((a, w) => a + w.bytes, 0) / tables.length);
  const measured = widths.every((w) => w.source === "measured");
  const idx = Math.round((model!.indexes.size / tables.length) * 10) / 10;
  return {
    rowBytes: avg,
    secondaryIndexes: Math.round(idx),
    basis: `${measured ? "measured" : "declared"} average row width of the schema's ${tables.length} tables (${avg} B) and ${idx} secondary indexes per table`,
  };
}

/** The same defaults from a stored report: measured widths (live source), else the plan's declared widths, else the inventory. */
export function reportDefaults(report: { inventory?: Record<string, number>; workload?: unknown; plan?: unknown }): WorkloadDefaults {
  const measured =
    (report.workload as { tables?: Array<{ avgRowBytes: number; secondaryIndexes: number }> } | null | undefined)?.tables ?? [];
  const loads = (report.plan as { loads?: Array<{ rowBytes: number }> } | null | undefined)?.loads ?? [];
  const inv = report.inventory ?? {};
  const tables = measured.length || loads.length || inv.tables || 0;
  if (!tables) return schemaDefaults(undefined);
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const rowBytes = Math.round(
    measured.length ? avg(measured.map((t) => t.avgRowBytes)) : loads.length ? avg(loads.map((l) => l.rowBytes)) : 128,
  );
  const idx = Math.round((measured.length ? avg(measured.map((t) => t.secondaryIndexes)) : (inv.indexes ?? 0) / tables) * 10) / 10;
  const basis = `${measured.length ? "measured" : loads.length ? "declared" : "assumed"} average row width of the schema's ${tables} tables (${rowBytes} B) and ${idx} secondary indexes per table`;
  return { rowBytes, secondaryIndexes: Math.round(idx), basis };
}

/** The cost estimate for an entered workload, through the same model as a measured one. */
export function estimateEntered(input: WorkloadInput, defaults: WorkloadDefaults, o: CostOptions = {}): CostEstimate {
  const d = defaults;
  const ratio = parseReadWriteRatio(input.readWriteRatio) as { readShare: number };
  const writeShare = Math.round((1 - ratio.readShare) * 1e6) / 1e6;
  const est = estimateFromInputs(
    {
      transactionsPerSecond: input.transactionsPerSecond,
      rowsWrittenPerTransaction: input.rowsPerTransaction,
      rowsReadPerTransaction: input.rowsPerTransaction,
      writeShare,
      rowBytes: input.rowBytes ?? d.rowBytes,
      secondaryIndexes: input.secondaryIndexes ?? d.secondaryIndexes,
      computeMsPerTransaction: input.computeMsPerTransaction,
    },
    { ...o, storageGb: input.storageGb },
  );
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  return {
    ...est,
    entered: input,
    assumptions: [
      `entered, not measured: ${input.transactionsPerSecond.toLocaleString("en")} transactions/s, ${input.rowsPerTransaction.toLocaleString("en")} rows per transaction, ${pct(ratio.readShare)} reads / ${pct(writeShare)} writes, ${input.storageGb.toLocaleString("en")} GB stored`,
      input.rowBytes !== undefined || input.secondaryIndexes !== undefined
        ? `row size ${input.rowBytes ?? d.rowBytes} B and ${input.secondaryIndexes ?? d.secondaryIndexes} secondary indexes as entered (else from the schema)`
        : `row size and indexes from the schema: ${d.basis}`,
      "each write transaction writes its rows to the table and every secondary index; each read transaction reads its rows once",
      ...est.assumptions.filter((a) => a.startsWith("prices:")),
    ],
  };
}
