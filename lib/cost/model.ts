/**
 * Monthly DPU and cost estimate built on AWS's published metering formulas (billing-metering page,
 * ../shared/dsql-compat.md §5): ReadDPU = max(bytes read, 2,048) × 0.00000183105 per transaction;
 * WriteDPU = max(Σ max(row bytes, 128), 1,024) × 0.00004883 per transaction, base table plus every
 * secondary index; ComputeDPU = compute seconds; multi-Region writes billed again per active peer.
 * The source database cannot tell us DSQL's bytes or CPU exactly, so every number is a low–high range
 * and every estimate lists the assumptions that produced it.
 */
import { SOURCES } from "../rules/core/sources";
import type { WorkloadProfile } from "../workload/profile";
import type { ObservedStatement } from "../workload/observed";
import PRICES from "./prices.json";

export const METERING = {
  readDpuPerByte: 0.00000183105,
  readTxnMinBytes: 2048,
  writeDpuPerByte: 0.00004883,
  writeTxnMinBytes: 1024,
  rowMinBytes: 128,
  source: SOURCES.BILLING,
} as const;

/** AWS prices monthly usage over 730 hours. */
export const SECONDS_PER_MONTH = 730 * 3600;
/** Compute per call, from AWS's worked examples: point lookup 0.00675 DPU − 0.00375 read minimum ≈ 0.003; single-row insert 0.06175 − 0.05 write − 0.00375 read ≈ 0.008. */
export const COMPUTE_FLOOR_SECONDS = { read: 0.003, write: 0.008 };
/** Rows per transaction assumed by the "batch small writes" what-if (AWS: 500–1,000 rows per batch). */
export const BATCH_ROWS = 500;
const GIB = 1024 ** 3;

export interface RegionPrice {
  name: string;
  dpuPerMillion: number;
  storagePerGbMonth: number;
  source: string;
  asOf: string;
  confidence: string;
}
export interface PriceTable {
  freeTier: { dpuPerMonth: number; storageGbMonth: number; source: string; asOf: string; confidence: string };
  regions: Record<string, RegionPrice>;
}
export const DEFAULT_PRICES: PriceTable = PRICES as PriceTable;

export function writeDpu(bytes: number): number {
  return Math.max(bytes, METERING.writeTxnMinBytes) * METERING.writeDpuPerByte;
}
export function readDpu(bytes: number): number {
  return Math.max(bytes, METERING.readTxnMinBytes) * METERING.readDpuPerByte;
}
/** Bytes one written row costs: the row (billed at least 128 B) once per copy, base table plus each secondary index. */
export function rowWriteBytes(rowBytes: number, secondaryIndexes: number): number {
  return Math.max(rowBytes, METERING.rowMinBytes) * (1 + secondaryIndexes);
}

export interface Range {
  low: number;
  high: number;
}

/** One class of statements as the estimate sees it. */
export interface WorkItem {
  label: string;
  kind: "insert" | "update" | "delete" | "select";
  table?: string;
  callsPerSec: number;
  rowsPerCall: number;
  rowBytes: number;
  secondaryIndexes: number;
  execSecondsPerCall: number;
}

export interface CostOptions {
  region?: string;
  /** Active Regions of the cluster (1 = single-Region; 2 = two active peers plus a witness). */
  activeRegions?: number;
  prices?: PriceTable;
}

export interface DpuBreakdown {
  compute: Range;
  read: Range;
  write: Range;
  multiRegionWrite: Range;
  total: Range;
}

export interface CostEstimate {
  status: "estimated" | "no-workload";
  region: string;
  price: RegionPrice;
  activeRegions: number;
  basis: { statements: WorkloadProfile["statementBasis"]; tables: WorkloadProfile["tableBasis"]; seconds: number };
  dpuPerMonth?: DpuBreakdown;
  storageGbMonth: Range;
  usdPerMonth?: { dpu: Range; storage: Range; total: Range };
  freeTier: PriceTable["freeTier"];
  formulas: string[];
  assumptions: string[];
  whatIf?: WhatIf[];
  /** The workload the user entered (not measured) that this estimate was made from. */
  entered?: import("./workload-input").WorkloadInput;
  /** When no workload was measured: what to enter for an estimate. */
  inputsNeeded?: Array<{ name: keyof ManualInputs; description: string }>;
  items?: Array<WorkItem & { dpuPerMonth: Range }>;
  message?: string;
}

export interface WhatIf {
  id: "drop-unused-indexes" | "batch-small-writes" | "multi-region";
  title: string;
  /** Change in DPU per month (negative saves) and in USD. */
  deltaDpuPerMonth: Range;
  deltaUsdPerMonth: Range;
  detail: string;
}

export const FORMULAS = [
  "WriteDPU per transaction = max(Σ rows × max(row bytes, 128) × (1 + secondary indexes), 1,024) × 0.00004883",
  "ReadDPU per transaction = max(bytes read, 2,048) × 0.00000183105",
  "ComputeDPU = compute seconds (source execution time used as the proxy)",
  "MultiRegionWriteDPU = WriteDPU per active peer Region",
  "monthly = per-second rate × 730 h × 3,600 s; cost = max(0, DPU − 100,000 free) ÷ 1,000,000 × $/1M DPU + max(0, GB-month − 1 free) × $/GB-month",
];

function add(a: Range, b: Range): Range {
  return { low: a.low + b.low, high: a.high + b.high };
}
const zero = (): Range => ({ low: 0, high: 0 });
const scale = (r: Range, k: number): Range => ({ low: r.low * k, high: r.high * k });

/**
 * DPU per second for a set of work items. `txnPerSec` (commits/s) lets the low bound share
 * transaction minimums across statements of one transaction; the high bound bills each call as its
 * own transaction.
 */
export function dpuPerSecond(
  items: WorkItem[],
  txnPerSec: number,
  tuplesReadBytesPerSec = 0,
): { total: Omit<DpuBreakdown, "multiRegionWrite" | "total">; perItem: Range[] } {
  let write = zero();
  let read = zero();
  let compute = zero();
  let writeCalls = 0;
  const perItem: Range[] = [];
  for (const it of items) {
    const c = it.callsPerSec;
    const isWrite = it.kind !== "select";
    const rowB = Math.max(it.rowBytes, METERING.rowMinBytes);
    let w = zero();
    let r = zero();
    if (isWrite) {
      writeCalls += c;
      // UPDATE low bound: only the base row changes (HOT-style); high: every secondary index too.
      const lowBytes = it.rowsPerCall * rowB * (1 + (it.kind === "update" ? 0 : it.secondaryIndexes));
      const highBytes = it.rowsPerCall * rowWriteBytes(it.rowBytes, it.secondaryIndexes);
      w = { low: c * lowBytes * METERING.writeDpuPerByte, high: c * writeDpu(highBytes) };
      // Writes read too: the primary-key uniqueness check.
      r = { low: c * it.rowsPerCall * rowB * METERING.readDpuPerByte, high: c * readDpu(it.rowsPerCall * rowB) };
    } else {
      r = { low: c * it.rowsPerCall * it.rowBytes * METERING.readDpuPerByte, high: c * readDpu(it.rowsPerCall * it.rowBytes) };
    }
    const exec = c * it.execSecondsPerCall;
    const cp = { low: exec, high: Math.max(exec, c * (isWrite ? COMPUTE_FLOOR_SECONDS.write : COMPUTE_FLOOR_SECONDS.read)) };
    write = add(write, w);
    read = add(read, r);
    compute = add(compute, cp);
    perItem.push({ low: w.low + r.low + cp.low, high: w.high + r.high + cp.high });
  }
  // Transaction minimums in the low bound: each write transaction bills ≥ 1,024 B, each transaction reads ≥ 2,048 B.
  const writeTxns = txnPerSec > 0 ? Math.min(writeCalls, txnPerSec) : writeCalls;
  write.low = Math.max(write.low, writeTxns * METERING.writeTxnMinBytes * METERING.writeDpuPerByte);
  const allTxns = txnPerSec > 0 ? txnPerSec : items.reduce((a, i) => a + i.callsPerSec, 0);
  read.low = Math.max(read.low, allTxns * METERING.readTxnMinBytes * METERING.readDpuPerByte);
  // Rows the source actually scanned bound reads from above (DSQL reads whole rows too).
  read.high = Math.max(read.high, tuplesReadBytesPerSec * METERING.readDpuPerByte);
  if (read.high < read.low) read.high = read.low;
  if (write.high < write.low) write.high = write.low;
  return { total: { compute, read, write }, perItem };
}

function priceFor(o: CostOptions): { region: string; price: RegionPrice; prices: PriceTable } {
  const prices = o.prices ?? DEFAULT_PRICES;
  const region = o.region ?? "us-east-1";
  const price = prices.regions[region];
  if (!price) throw new Error(`no DSQL price for region ${region} (known: ${Object.keys(prices.regions).join(", ")})`);
  return { region, price, prices };
}

export function usd(dpuMonth: Range, gbMonth: Range, price: RegionPrice, free: PriceTable["freeTier"]) {
  const d = (x: number) => (Math.max(0, x - free.dpuPerMonth) / 1e6) * price.dpuPerMillion;
  const s = (x: number) => Math.max(0, x - free.storageGbMonth) * price.storagePerGbMonth;
  const dpu = { low: cents(d(dpuMonth.low)), high: cents(d(dpuMonth.high)) };
  const storage = { low: cents(s(gbMonth.low)), high: cents(s(gbMonth.high)) };
  return { dpu, storage, total: { low: cents(dpu.low + storage.low), high: cents(dpu.high + storage.high) } };
}

const cents = (n: number) => Math.round(n * 100) / 100;
const whole = (r: Range): Range => ({ low: Math.round(r.low), high: Math.round(r.high) });

/** Turn observed statements into work items (the cost model's inputs). */
export function workItems(profile: WorkloadProfile, indexesOverride?: Map<string, number>): WorkItem[] {
  const items: WorkItem[] = [];
  const avgWidth = avg([...profile.tables.values()].map((t) => t.avgRowBytes)) || 128;
  const widthOf = (q?: string) => (q ? profile.tables.get(q)?.avgRowBytes : undefined) ?? avgWidth;
  const idxOf = (q?: string) => (q ? (indexesOverride?.get(q) ?? profile.tables.get(q)?.secondaryIndexes) : undefined) ?? 0;
  for (const s of profile.statements) {
    if (!["insert", "update", "delete", "select", "merge"].includes(s.kind)) continue;
    const r = profile.rate(s);
    if (r.callsPerSec <= 0) continue;
    const kind = s.kind === "merge" ? "update" : (s.kind as WorkItem["kind"]);
    const table = s.target ?? s.reads[0];
    items.push({
      label: labelOf(s),
      kind,
      table,
      callsPerSec: r.callsPerSec,
      rowsPerCall: r.callsPerSec > 0 ? r.rowsPerSec / r.callsPerSec : 0,
      rowBytes: widthOf(table),
      secondaryIndexes: kind === "select" ? 0 : idxOf(table),
      execSecondsPerCall: r.callsPerSec > 0 ? r.execSecondsPerSec / r.callsPerSec : 0,
    });
  }
  return items;
}

/** Without pg_stat_statements, table counters still give writes per table (one row per call assumed). */
function itemsFromTables(profile: WorkloadProfile, indexesOverride?: Map<string, number>): WorkItem[] {
  const items: WorkItem[] = [];
  for (const t of profile.tables.values()) {
    const k = indexesOverride?.get(t.q) ?? t.secondaryIndexes;
    const base = { table: t.q, rowsPerCall: 1, rowBytes: t.avgRowBytes, secondaryIndexes: k, execSecondsPerCall: 0 };
    if (t.rates.insertsPerSec > 0)
      items.push({ ...base, label: `inserts into ${t.q}`, kind: "insert", callsPerSec: t.rates.insertsPerSec });
    if (t.rates.updatesPerSec > 0) items.push({ ...base, label: `updates of ${t.q}`, kind: "update", callsPerSec: t.rates.updatesPerSec });
    if (t.rates.deletesPerSec > 0)
      items.push({ ...base, label: `deletes from ${t.q}`, kind: "delete", callsPerSec: t.rates.deletesPerSec });
  }
  return items;
}

function labelOf(s: ObservedStatement): string {
  const q = s.query.replace(/\s+/g, " ").trim();
  return q.length > 80 ? `${q.slice(0, 80)}…` : q;
}
function avg(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

export function storageRange(profile: WorkloadProfile): Range {
  let logical = 0;
  let onDisk = 0;
  for (const t of profile.tables.values()) {
    logical += t.rowEstimate * t.avgRowBytes * (1 + t.secondaryIndexes * 0.3);
    onDisk += t.totalBytes;
  }
  const lo = Math.min(logical, onDisk || logical);
  const hi = Math.max(logical, onDisk);
  return { low: lo / GIB, high: hi / GIB };
}

export const INPUTS_NEEDED: CostEstimate["inputsNeeded"] = [
  { name: "transactionsPerSecond", description: "average transactions per second at steady state" },
  { name: "rowsWrittenPerTransaction", description: "rows inserted/updated/deleted per write transaction" },
  { name: "writeShare", description: "share of transactions that write (0–1)" },
  { name: "rowsReadPerTransaction", description: "rows returned per transaction" },
  { name: "rowBytes", description: "average row size in bytes (the catalog's value is used when known)" },
  { name: "secondaryIndexes", description: "secondary indexes on the written tables" },
];

export interface ManualInputs {
  transactionsPerSecond: number;
  rowsWrittenPerTransaction: number;
  writeShare: number;
  rowsReadPerTransaction: number;
  rowBytes: number;
  secondaryIndexes: number;
  computeMsPerTransaction?: number;
}

/** The estimate from a live/snapshot workload profile. */
export function estimateCost(profile: WorkloadProfile, o: CostOptions = {}): CostEstimate {
  const { region, price, prices } = priceFor(o);
  const activeRegions = Math.max(1, o.activeRegions ?? 1);
  const storage1 = storageRange(profile);
  const storage = scale(storage1, activeRegions);
  const seconds = profile.statementBasis !== "none" ? profile.statementSeconds : profile.tableSeconds;
  const base = {
    region,
    price,
    activeRegions,
    basis: { statements: profile.statementBasis, tables: profile.tableBasis, seconds: Math.round(seconds) },
    storageGbMonth: round4(storage),
    freeTier: prices.freeTier,
    formulas: FORMULAS,
  };
  const assumptions = [
    `prices: ${region} $${price.dpuPerMillion}/1M DPU, $${price.storagePerGbMonth}/GB-month (${price.confidence}; as of ${price.asOf})`,
    `storage: low = live rows × average row width (+30% per secondary index), high = PostgreSQL on-disk size incl. indexes and free space; ${activeRegions > 1 ? `× ${activeRegions} Regions` : "one Region"}`,
  ];
  const useStatements = profile.statementBasis !== "none";
  const items = useStatements ? workItems(profile) : itemsFromTables(profile);
  if (!items.length) {
    return {
      ...base,
      status: "no-workload",
      assumptions,
      inputsNeeded: INPUTS_NEEDED,
      usdPerMonth: { dpu: zero(), ...usdStorage(storage, price, prices.freeTier) },
      message:
        "No workload was observed (no pg_stat_statements calls and no table activity during sampling), so DPU is not estimated. Enter the workload (transactions per second, rows per transaction, read/write mix, storage) on the Cost page or with --workload-tps, --rows-per-txn, --read-write-ratio and --storage-gb, or collect while the application runs.",
    };
  }
  assumptions.push(
    useStatements
      ? `rates from pg_stat_statements ${profile.statementBasis === "interval" ? `over the ${Math.round(profile.statementSeconds)} s sampling interval` : `cumulative since the last reset (${Math.round(profile.statementSeconds)} s)`}`
      : "no pg_stat_statements: writes from pg_stat_user_tables counters at one row per statement, reads and compute not estimated beyond transaction minimums",
    "bytes read ≈ rows returned × average row width (low) up to rows the source scanned × width (high); index-entry sizes billed like full rows (upper bound)",
    "UPDATE low bound rewrites only the base row; high bound rewrites every secondary index",
    `compute: low = source execution time; high = at least ${COMPUTE_FLOOR_SECONDS.read} s per read and ${COMPUTE_FLOOR_SECONDS.write} s per write call (AWS worked examples)`,
    `transactions: ${round2(profile.commitsPerSec)} commits/s measured; the low bound shares transaction minimums across statements, the high bound bills each statement as its own transaction`,
    "background auto-ANALYZE and CDC streaming are not included",
  );
  const tuplesRead = [...profile.tables.values()].reduce((a, t) => a + t.rates.tuplesReadPerSec * t.avgRowBytes, 0);
  const { total, perItem } = dpuPerSecond(items, profile.commitsPerSec, tuplesRead);
  const peers = activeRegions - 1;
  const mrw = scale(total.write, peers);
  const perSec: DpuBreakdown = { ...total, multiRegionWrite: mrw, total: add(add(add(total.compute, total.read), total.write), mrw) };
  const month = monthly(perSec);
  const money = usd(month.total, storage, price, prices.freeTier);
  const est: CostEstimate = {
    ...base,
    status: "estimated",
    dpuPerMonth: month,
    usdPerMonth: money,
    assumptions,
    items: items.map((it, i) => ({
      ...it,
      callsPerSec: round4n(it.callsPerSec),
      rowsPerCall: round2(it.rowsPerCall),
      execSecondsPerCall: round4n(it.execSecondsPerCall),
      dpuPerMonth: whole(scale(perItem[i], SECONDS_PER_MONTH)),
    })),
  };
  est.whatIf = whatIfs(profile, o, est, storage1);
  return est;
}

function usdStorage(storage: Range, price: RegionPrice, free: PriceTable["freeTier"]) {
  const u = usd(zero(), storage, price, free);
  return { storage: u.storage, total: u.storage };
}

function monthly(d: DpuBreakdown): DpuBreakdown {
  const m = (r: Range) => whole(scale(r, SECONDS_PER_MONTH));
  return { compute: m(d.compute), read: m(d.read), write: m(d.write), multiRegionWrite: m(d.multiRegionWrite), total: m(d.total) };
}

function whatIfs(profile: WorkloadProfile, o: CostOptions, current: CostEstimate, storage1: Range): WhatIf[] {
  const out: WhatIf[] = [];
  const cur = current.dpuPerMonth!;
  const { price, prices } = priceFor(o);
  const activeRegions = Math.max(1, o.activeRegions ?? 1);
  const deltaUsd = (newDpu: Range, newStorage: Range) => {
    const a = usd(cur.total, current.storageGbMonth, price, prices.freeTier).total;
    const b = usd(newDpu, newStorage, price, prices.freeTier).total;
    return { low: cents(b.low - a.low), high: cents(b.high - a.high) };
  };
  const recompute = (items: WorkItem[]) => {
    const tuplesRead = [...profile.tables.values()].reduce((a, t) => a + t.rates.tuplesReadPerSec * t.avgRowBytes, 0);
    const { total } = dpuPerSecond(items, profile.commitsPerSec, tuplesRead);
    const peers = activeRegions - 1;
    const t = add(add(add(total.compute, total.read), total.write), scale(total.write, peers));
    return whole(scale(t, SECONDS_PER_MONTH));
  };
  const useStatements = profile.statementBasis !== "none";
  const itemsWith = (override?: Map<string, number>) => (useStatements ? workItems(profile, override) : itemsFromTables(profile, override));

  // 1. Drop indexes never scanned: fewer copies of every written row.
  const unused = [...profile.tables.values()].filter((t) => t.unusedIndexes.length > 0);
  if (unused.length) {
    const override = new Map(unused.map((t) => [t.q, t.secondaryIndexes - t.unusedIndexes.length]));
    const after = recompute(itemsWith(override));
    out.push({
      id: "drop-unused-indexes",
      title: "Drop indexes that were never scanned",
      deltaDpuPerMonth: { low: after.low - cur.total.low, high: after.high - cur.total.high },
      deltaUsdPerMonth: deltaUsd(after, current.storageGbMonth),
      detail: `${unused.reduce((a, t) => a + t.unusedIndexes.length, 0)} non-unique indexes with idx_scan = 0: ${unused
        .flatMap((t) => t.unusedIndexes)
        .slice(0, 10)
        .join(", ")}`,
    });
  }

  // 2. Batch small writes: calls that pay the 1,024-byte minimum grouped into transactions of BATCH_ROWS rows.
  const items = itemsWith();
  const small = items.filter(
    (it) => it.kind !== "select" && it.rowsPerCall * rowWriteBytes(it.rowBytes, it.secondaryIndexes) < METERING.writeTxnMinBytes,
  );
  if (small.length) {
    const batched = items.map((it) => {
      if (!small.includes(it)) return it;
      const rowsPerSec = it.callsPerSec * it.rowsPerCall;
      const perBatch = BATCH_ROWS;
      return { ...it, callsPerSec: rowsPerSec / perBatch, rowsPerCall: perBatch, execSecondsPerCall: it.execSecondsPerCall * perBatch };
    });
    const after = recompute(batched);
    out.push({
      id: "batch-small-writes",
      title: `Batch small writes (${BATCH_ROWS} rows per transaction)`,
      deltaDpuPerMonth: { low: Math.min(0, after.low - cur.total.low), high: after.high - cur.total.high },
      deltaUsdPerMonth: deltaUsd({ low: Math.min(cur.total.low, after.low), high: after.high }, current.storageGbMonth),
      detail: `${small.length} write statement${small.length === 1 ? "" : "s"} write less than 1,024 bytes per call and pay the per-transaction minimum each time`,
    });
  }

  // 3. Multi-Region: writes billed again per active peer, storage in every Region.
  if (activeRegions === 1) {
    const extra = cur.write;
    const after = add(cur.total, extra);
    const storage2 = scale(storage1, 2);
    out.push({
      id: "multi-region",
      title: "Go multi-Region (two active Regions + witness)",
      deltaDpuPerMonth: extra,
      deltaUsdPerMonth: deltaUsd(after, round4(storage2)),
      detail: "MultiRegionWriteDPU equals WriteDPU per active peer; storage is billed in each Region",
    });
  }
  return out;
}

/** Estimate from numbers the user types in (when nothing was measured). */
export function estimateFromInputs(inp: ManualInputs, o: CostOptions & { storageGb?: number } = {}): CostEstimate {
  const { region, price, prices } = priceFor(o);
  const activeRegions = Math.max(1, o.activeRegions ?? 1);
  const tps = inp.transactionsPerSecond;
  const items: WorkItem[] = (
    [
      {
        label: "write transactions",
        kind: "insert" as const,
        callsPerSec: tps * inp.writeShare,
        rowsPerCall: inp.rowsWrittenPerTransaction,
        rowBytes: inp.rowBytes,
        secondaryIndexes: inp.secondaryIndexes,
        execSecondsPerCall: (inp.computeMsPerTransaction ?? 0) / 1000,
      },
      {
        label: "read transactions",
        kind: "select" as const,
        callsPerSec: tps * (1 - inp.writeShare),
        rowsPerCall: inp.rowsReadPerTransaction,
        rowBytes: inp.rowBytes,
        secondaryIndexes: 0,
        execSecondsPerCall: (inp.computeMsPerTransaction ?? 0) / 1000,
      },
    ] satisfies WorkItem[]
  ).filter((i) => i.callsPerSec > 0);
  const { total } = dpuPerSecond(items, tps);
  const mrw = scale(total.write, activeRegions - 1);
  const month = monthly({ ...total, multiRegionWrite: mrw, total: add(add(add(total.compute, total.read), total.write), mrw) });
  const storage = { low: (o.storageGb ?? 0) * activeRegions, high: (o.storageGb ?? 0) * activeRegions };
  return {
    status: "estimated",
    region,
    price,
    activeRegions,
    basis: { statements: "none", tables: "none", seconds: 0 },
    dpuPerMonth: month,
    storageGbMonth: storage,
    usdPerMonth: usd(month.total, storage, price, prices.freeTier),
    freeTier: prices.freeTier,
    formulas: FORMULAS,
    assumptions: [
      "all numbers from user inputs; nothing measured",
      `prices: ${region} $${price.dpuPerMillion}/1M DPU (${price.confidence})`,
    ],
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const round4n = (n: number) => Math.round(n * 10000) / 10000;
const round4 = (r: Range): Range => ({ low: round4n(r.low), high: round4n(r.high) });
