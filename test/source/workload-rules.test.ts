/** Query-shaped workload rules on normalised pg_stat_statements texts (no server needed). */
import { beforeAll, describe, expect, it } from "vitest";
import { dpuPerSecond, estimateFromInputs, METERING, readDpu, writeDpu } from "../../lib/cost/model";
import { loadParser } from "../../lib/ingest/parse";
import { facts, type ObservedStatement } from "../../lib/workload/observed";
import { statementFindings } from "../../lib/workload/rules";

beforeAll(() => loadParser());

const obs = (query: string, calls = 10, rows = 10, maxMs = 1): ObservedStatement => ({
  id: "q",
  query,
  calls,
  rows,
  totalMs: calls,
  meanMs: 1,
  maxMs,
  interval: { calls: 0, rows: 0, totalMs: 0 },
  ...facts(query),
});
const ids = (q: string, calls?: number, rows?: number, maxMs?: number) =>
  statementFindings(
    [obs(q, calls, rows, maxMs)],
    () => 100,
    () => 1,
  ).map((f) => f.ruleId);

describe("workload rules", () => {
  it.each([
    ["SAVEPOINT $1", "workload-savepoint"],
    ["ROLLBACK TO SAVEPOINT $1", "workload-savepoint"],
    ["SELECT pg_try_advisory_lock($1)", "workload-advisory-lock"],
    ["LISTEN $1", "workload-listen-notify"],
    ["SELECT pg_notify($1, $2)", "workload-listen-notify"],
    ["TRUNCATE staging", "workload-truncate"],
    ["CREATE TEMP TABLE ids (id int)", "workload-temporary-table"],
    ["SELECT * INTO TEMP t2 FROM t", "workload-temporary-table"],
    ["BEGIN ISOLATION LEVEL SERIALIZABLE", "workload-isolation-level"],
    ["SET TRANSACTION ISOLATION LEVEL READ COMMITTED", "workload-isolation-level"],
    ["SELECT * FROM t WHERE id = $1 FOR SHARE", "workload-for-share"],
    ["SELECT * FROM t WHERE id = $1 FOR NO KEY UPDATE", "workload-for-share"],
    ["COPY t FROM '/data/t.csv'", "workload-server-copy"],
    ["DECLARE c CURSOR FOR SELECT * FROM t", "workload-cursor"],
    ["LOCK TABLE accounts IN EXCLUSIVE MODE", "workload-lock-table"],
    ["PREPARE TRANSACTION 'x'", "workload-two-phase-commit"],
    ["SELECT id FROM jobs LIMIT $1 FOR UPDATE SKIP LOCKED", "workload-skip-locked-queue"],
    ["SELECT * FROM t WHERE id = $1 FOR UPDATE", "workload-for-update"],
  ])("%s → %s", (q, id) => {
    expect(ids(q)).toContain(id);
  });

  it("leaves compatible statements alone", () => {
    for (const q of [
      "BEGIN ISOLATION LEVEL REPEATABLE READ",
      "SELECT * FROM t WHERE id = $1 FOR KEY SHARE",
      "COPY t FROM STDIN",
      "INSERT INTO t VALUES ($1)",
    ])
      expect(ids(q)).toEqual([]);
  });

  it("transaction envelope: rows per call and duration", () => {
    expect(ids("UPDATE t SET a = $1 WHERE b < $2", 2, 10_000)).toContain("workload-large-write");
    expect(ids("UPDATE t SET a = $1 WHERE b < $2", 2, 100)).not.toContain("workload-large-write");
    expect(ids("SELECT count(*) FROM t", 1, 1, 200_000)).toContain("workload-long-statement");
  });
});

describe("DPU formulas", () => {
  it("match AWS's metering minimums", () => {
    expect(writeDpu(10)).toBeCloseTo(1024 * 0.00004883, 10);
    expect(readDpu(10)).toBeCloseTo(2048 * 0.00000183105, 10);
    // 100 rows of 200 B with 2 secondary indexes in one transaction: 100 × 200 × 3 bytes.
    const { total } = dpuPerSecond(
      [{ label: "x", kind: "insert", callsPerSec: 1, rowsPerCall: 100, rowBytes: 200, secondaryIndexes: 2, execSecondsPerCall: 0.01 }],
      1,
    );
    expect(total.write.high).toBeCloseTo(60_000 * METERING.writeDpuPerByte, 8);
    expect(total.write.low).toBeCloseTo(60_000 * METERING.writeDpuPerByte, 8);
    expect(total.compute.low).toBeCloseTo(0.01, 8);
    expect(total.compute.high).toBeCloseTo(0.01, 8);
  });
  it("estimates from user inputs when nothing was measured", () => {
    const e = estimateFromInputs({
      transactionsPerSecond: 10,
      rowsWrittenPerTransaction: 1,
      writeShare: 1,
      rowsReadPerTransaction: 0,
      rowBytes: 100,
      secondaryIndexes: 0,
    });
    // 10 single-row write transactions/s: each pays the 1,024 B write minimum and the 2,048 B read minimum.
    const perTxn = 1024 * METERING.writeDpuPerByte + 2048 * METERING.readDpuPerByte + 0.008;
    expect(e.dpuPerMonth!.total.high).toBe(Math.round(10 * perTxn * 730 * 3600));
    expect(e.usdPerMonth!.total.high).toBeGreaterThan(0);
  });
});
