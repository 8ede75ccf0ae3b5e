/** Entered workloads: flags, YAML/JSON files and their errors, and the estimate through the DPU model. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { runAnalyze, UsageError } from "../cli/main";
import { estimateFromInputs, METERING, SECONDS_PER_MONTH } from "./model";
import {
  estimateEntered,
  parseReadWriteRatio,
  parseWorkloadFile,
  schemaDefaults,
  workloadFromFlags,
  WorkloadInputError,
} from "./workload-input";

const dir = mkdtempSync(join(tmpdir(), "workload-input-"));
const noFile = (p: string): string => {
  throw new Error(`unexpected read of ${p}`);
};

describe("read/write mix", () => {
  it("reads reads:writes and read shares", () => {
    expect(parseReadWriteRatio("80:20")).toEqual({ readShare: 0.8 });
    expect(parseReadWriteRatio("9/1")).toEqual({ readShare: 0.9 });
    expect(parseReadWriteRatio(0.25)).toEqual({ readShare: 0.25 });
    expect(parseReadWriteRatio("1.5")).toHaveProperty("error");
    expect(parseReadWriteRatio("lots")).toHaveProperty("error");
    expect(parseReadWriteRatio("0:0")).toHaveProperty("error");
  });
});

describe("workload from flags and files", () => {
  it("takes the four flags", () => {
    expect(workloadFromFlags({ workloadTps: "200", rowsPerTxn: "5", readWriteRatio: "80:20", storageGb: "50" }, noFile)).toEqual({
      transactionsPerSecond: 200,
      rowsPerTransaction: 5,
      readWriteRatio: "80:20",
      storageGb: 50,
    });
    expect(workloadFromFlags({}, noFile)).toBeUndefined();
  });

  it("names the flag that is wrong or missing", () => {
    expect(() => workloadFromFlags({ workloadTps: "fast", rowsPerTxn: "5", readWriteRatio: "80:20", storageGb: "50" }, noFile)).toThrow(
      /--workload-tps: expected a number \(transactions per second\)/,
    );
    expect(() => workloadFromFlags({ workloadTps: "200", rowsPerTxn: "0", readWriteRatio: "80:20", storageGb: "50" }, noFile)).toThrow(
      /--rows-per-txn: must be greater than 0/,
    );
    expect(() => workloadFromFlags({ workloadTps: "200" }, noFile)).toThrow(
      /--rows-per-txn: required with the other workload inputs.*--read-write-ratio: required.*--storage-gb: required/,
    );
    expect(() => workloadFromFlags({ workloadTps: "200", rowsPerTxn: "5", readWriteRatio: "most", storageGb: "50" }, noFile)).toThrow(
      /--read-write-ratio: "most" is not reads:writes/,
    );
  });

  it("reads YAML and JSON files, and flags override a file's fields", () => {
    const yaml = "transactionsPerSecond: 120\nrowsPerTransaction: 3\nreadWriteRatio: '90:10'\nstorageGb: 12.5\nrowBytes: 300\n";
    expect(parseWorkloadFile(yaml, "w.yaml")).toEqual({
      transactionsPerSecond: 120,
      rowsPerTransaction: 3,
      readWriteRatio: "90:10",
      storageGb: 12.5,
      rowBytes: 300,
    });
    expect(
      parseWorkloadFile('{"transactionsPerSecond": 1, "rowsPerTransaction": 1, "readWriteRatio": 0.5, "storageGb": 0}', "w.json")
        .readWriteRatio,
    ).toBe(0.5);
    const w = workloadFromFlags({ workload: "w.yaml", workloadTps: "240" }, () => yaml);
    expect(w).toMatchObject({ transactionsPerSecond: 240, rowsPerTransaction: 3, rowBytes: 300 });
  });

  it("a bad file names the file and each field", () => {
    expect(() =>
      parseWorkloadFile("transactionsPerSecond: -1\nrowsPerTransaction: 3\nreadWriteRatio: '90:10'\nstorageGb: 1\ntps: 4\n", "w.yaml"),
    ).toThrow(WorkloadInputError);
    try {
      parseWorkloadFile("transactionsPerSecond: -1\nrowsPerTransaction: 3\nreadWriteRatio: '90:10'\nstorageGb: 1\ntps: 4\n", "w.yaml");
    } catch (e) {
      expect((e as Error).message).toContain("w.yaml: transactionsPerSecond: must be greater than 0");
      expect((e as Error).message).toContain("w.yaml: unknown field tps");
    }
    expect(() => parseWorkloadFile("transactionsPerSecond: [1,\n", "w.yaml")).toThrow(/w.yaml: not valid YAML or JSON/);
    expect(() => parseWorkloadFile("- 1\n- 2\n", "w.yaml")).toThrow(/w.yaml: expected a mapping/);
    expect(() => parseWorkloadFile("rowsPerTransaction: 3\nreadWriteRatio: '90:10'\nstorageGb: 1\n", "w.yaml")).toThrow(
      /w.yaml: transactionsPerSecond: expected a number/,
    );
  });
});

describe("estimate from an entered workload", () => {
  it("goes through the DPU model with the schema's row size and indexes, labelled as entered", async () => {
    const result = await analyze([
      {
        path: "s.sql",
        text: "CREATE TABLE t (id bigint PRIMARY KEY, a bigint, b bigint);\nCREATE INDEX ASYNC t_a ON t (a);\n",
        bytes: 0,
        encoding: "utf-8",
      },
    ]);
    const d = schemaDefaults(result.model);
    expect(d.secondaryIndexes).toBe(1);
    const est = estimateEntered({ transactionsPerSecond: 10, rowsPerTransaction: 2, readWriteRatio: "50:50", storageGb: 20 }, d);
    expect(est.status).toBe("estimated");
    expect(est.entered).toMatchObject({ transactionsPerSecond: 10 });
    expect(est.assumptions[0]).toMatch(
      /^entered, not measured: 10 transactions\/s, 2 rows per transaction, 50% reads \/ 50% writes, 20 GB stored/,
    );
    expect(est.assumptions[1]).toMatch(/declared average row width of the schema's 1 tables/);
    const same = estimateFromInputs(
      {
        transactionsPerSecond: 10,
        rowsWrittenPerTransaction: 2,
        rowsReadPerTransaction: 2,
        writeShare: 0.5,
        rowBytes: d.rowBytes,
        secondaryIndexes: 1,
      },
      { storageGb: 20 },
    );
    expect(est.dpuPerMonth).toEqual(same.dpuPerMonth);
    // 5 write transactions/s of 2 rows × max(width,128) × 2 copies, at least 1,024 B each.
    const perWrite = Math.max(2 * Math.max(d.rowBytes, 128) * 2, METERING.writeTxnMinBytes) * METERING.writeDpuPerByte;
    expect(est.dpuPerMonth!.write.high).toBe(Math.round(5 * perWrite * SECONDS_PER_MONTH));
    expect(est.storageGbMonth).toEqual({ low: 20, high: 20 });
  });
});

describe("analyze with an entered workload", () => {
  const schema = join(dir, "s.sql");
  writeFileSync(schema, "CREATE TABLE t (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text);\n");

  it("adds a cost section to a schema-only report", async () => {
    const out = join(dir, "r.json");
    const code = await runAnalyze([schema], {
      format: "json",
      failOn: "never",
      out,
      workloadTps: "200",
      rowsPerTxn: "5",
      readWriteRatio: "80:20",
      storageGb: "50",
    });
    expect(code).toBe(0);
    const r = JSON.parse(readFileSync(out, "utf8"));
    expect(r.cost.status).toBe("estimated");
    expect(r.cost.entered).toEqual({ transactionsPerSecond: 200, rowsPerTransaction: 5, readWriteRatio: "80:20", storageGb: 50 });
    expect(r.cost.usdPerMonth.total.high).toBeGreaterThan(0);
  });

  it("refuses bad input as a usage error naming the flag or file", async () => {
    const run = (extra: object) => runAnalyze([schema], { format: "json", failOn: "never", out: join(dir, "x.json"), ...extra });
    await expect(run({ workloadTps: "-3", rowsPerTxn: "5", readWriteRatio: "80:20", storageGb: "50" })).rejects.toThrow(UsageError);
    await expect(run({ workloadTps: "-3", rowsPerTxn: "5", readWriteRatio: "80:20", storageGb: "50" })).rejects.toThrow(
      /--workload-tps: must be greater than 0/,
    );
    await expect(run({ workload: join(dir, "missing.yaml") })).rejects.toThrow(/--workload: cannot read/);
    await expect(run({ workloadTps: "10", rowsPerTxn: "5", readWriteRatio: "80:20", storageGb: "50", region: "mars-1" })).rejects.toThrow(
      /--region: no DSQL price for region mars-1/,
    );
  });
});
