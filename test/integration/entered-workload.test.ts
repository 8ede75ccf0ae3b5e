/**
 * An entered workload through the real store and queue: stored as the report's cost section (marked
 * entered, the rest of the report untouched), priced with the schema's row widths, and kept by a
 * re-run that measures nothing itself.
 */
import { expect, test } from "vitest";
import { createUser } from "@/lib/auth/accounts";
import type { CostEstimate } from "@/lib/cost/model";
import { createFromInputs, rerunAssessment } from "@/lib/jobs/submit";
import { getReport } from "@/lib/store/assessments";
import { setEnteredWorkload } from "@/lib/store/entered-workload";
import { settled, storeWithWorker } from "@/test/store-harness";

const store = storeWithWorker("entered");

const SQL =
  "CREATE TABLE orders (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), customer bigint NOT NULL, total numeric(12,2), placed_at timestamptz);\nCREATE INDEX ASYNC orders_customer ON orders (customer);\n";

test("a workload entered for a schema-only assessment is stored as entered and survives a re-run", async () => {
  const { id } = await createFromInputs("paste", [{ name: "pasted.sql", bytes: new TextEncoder().encode(SQL) }], {
    name: "entered",
    targetDate: "2026-09-15",
    keyStrategy: "keep",
  });
  expect((await settled(store.url, id)).status).toBe("done");
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
  expect((await settled(store.url, next.id)).status).toBe("done");
  const carried = (await getReport(next.id))!.cost as CostEstimate;
  expect(carried.entered).toEqual(cost.entered);
  expect(carried.dpuPerMonth).toEqual(cost.dpuPerMonth);
});
