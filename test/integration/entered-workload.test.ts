/**
 * An entered workload through the real store and queue: stored as the report's cost section (marked
 * entered, the rest of the report untouched), priced with the schema's row widths, and kept by a
 * re-run that measures nothing itself.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createUser } from "@/lib/auth/accounts";
import type { CostEstimate } from "@/lib/cost/model";
import { createFromInputs, rerunAssessment } from "@/lib/jobs/submit";
import { startWorker, type WorkerHandle } from "@/lib/jobs/worker";
import { openStore, type Store } from "@/lib/store/bootstrap";
import { getReport } from "@/lib/store/assessments";
import { setEnteredWorkload } from "@/lib/store/entered-workload";
import { prisma } from "@/lib/store/prisma";

let store: Store;
let worker: WorkerHandle;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "preflight-entered-"));
  process.env.DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  store = await openStore({ log: () => {} });
  process.env.DATABASE_URL = store.url;
  worker = await startWorker(store.url, { log: () => {} });
});

afterAll(async () => {
  await worker?.stop();
  await store?.stop();
  delete process.env.DATABASE_URL;
  rmSync(dir, { recursive: true, force: true });
});

async function settled(id: string) {
  const db = prisma(store.url);
  for (let i = 0; i < 600; i++) {
    const a = await db.assessment.findUniqueOrThrow({ where: { id } });
    if (a.status === "failed" || a.status === "done") return a;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`assessment ${id} did not finish`);
}

const SQL =
  "CREATE TABLE orders (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), customer bigint NOT NULL, total numeric(12,2), placed_at timestamptz);\nCREATE INDEX ASYNC orders_customer ON orders (customer);\n";

test("a workload entered for a schema-only assessment is stored as entered and survives a re-run", async () => {
  const { id } = await createFromInputs("paste", [{ name: "pasted.sql", bytes: new TextEncoder().encode(SQL) }], {
    name: "entered",
    targetDate: "2026-09-15",
    keyStrategy: "keep",
  });
  expect((await settled(id)).status).toBe("done");
  const before = (await getReport(id))!;
  expect(before.cost).toBeUndefined();

  const cost = (await setEnteredWorkload(id, { transactionsPerSecond: 40, rowsPerTransaction: 4, readWriteRatio: "3:1", storageGb: 8 }))!;
  expect(cost.entered).toEqual({ transactionsPerSecond: 40, rowsPerTransaction: 4, readWriteRatio: "3:1", storageGb: 8 });
  // Row width from the plan's declared widths of the one table, and its one secondary index.
  expect(cost.assumptions[1]).toMatch(/declared average row width of the schema's 1 tables \(\d+ B\) and 1 secondary indexes per table/);
  const stored = (await getReport(id))!;
  expect(stored.cost).toEqual(cost);
  expect({ ...stored, cost: undefined }).toEqual({ ...before, cost: undefined });
  expect(await setEnteredWorkload("00000000-0000-0000-0000-000000000000", cost.entered!)).toBeUndefined();

  const user = await createUser({ email: "member@example.com", role: "member", password: "member-password-1" });
  const next = (await rerunAssessment(id, { createdById: user.id }))!;
  expect((await settled(next.id)).status).toBe("done");
  const carried = (await getReport(next.id))!.cost as CostEstimate;
  expect(carried.entered).toEqual(cost.entered);
  expect(carried.dpuPerMonth).toEqual(cost.dpuPerMonth);
});
