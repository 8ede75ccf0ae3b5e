/**
 * Verifying a rewrite from the dashboard: the verification job goes through the real queue and worker,
 * rewrites the stored upload again and loads both into a throwaway embedded PostgreSQL; the result is
 * stored in the report under `verification`. A script broken on purpose is reported as failed, naming
 * the lost key and the script statement behind it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import pg from "pg";
import { createFromInputs } from "../../lib/jobs/submit";
import {
  cannotVerify,
  readVerification,
  requestVerification,
  writeVerification,
  type VerificationState,
} from "../../lib/jobs/verification";
import { collectSource } from "../../lib/source/collect";
import { startPg18 } from "../source/servers";
import { runVerifyJob } from "../../lib/jobs/verify";
import { prisma } from "../../lib/store/prisma";
import { storeWithWorker } from "@/test/store-harness";

const store = storeWithWorker("verify-job");

async function until<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 1800; i++) {
    const v = await read();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not happen`);
}

async function analysed(name: string, text: string, kind: "upload" | "snapshot" = "upload") {
  const { id } = await createFromInputs(kind, [{ name, bytes: new TextEncoder().encode(text) }], {
    name,
    targetDate: "2026-09-15",
    keyStrategy: "keep",
  });
  const a = await until("analysis", async () => {
    const row = await prisma(store.url).assessment.findUniqueOrThrow({ where: { id } });
    return row.status === "done" || row.status === "failed" ? row : undefined;
  });
  expect(a.status).toBe("done");
  return id;
}

const finished = (id: string) =>
  until("verification", async () => {
    const v = await readVerification(prisma(store.url), id);
    return v && (v.status === "done" || v.status === "failed") ? v : undefined;
  });

test("a verification job on an uploaded pagila stores a passing result with its intended differences", async () => {
  const id = await analysed("pagila-schema.sql", readFileSync(join(__dirname, "../../../shared/corpus/pagila-schema.sql"), "utf8"));
  const queued = await requestVerification(prisma(store.url), id);
  expect(queued.status).toBe("queued");
  // Asking again while it is pending returns the same verification rather than a second job.
  const again = await requestVerification(prisma(store.url), id);
  expect(["queued", "running"]).toContain(again.status);
  expect(again.requestedAt).toBe(queued.requestedAt);
  const state = await finished(id);
  expect(state.status, state.status === "failed" ? state.error : "").toBe("done");
  const v = state as Extract<VerificationState, { status: "done" }>;
  expect(v.jobId).toBeTruthy();
  const r = v.result;
  expect(r.unexplained).toEqual([]);
  expect(r.failures).toEqual([]);
  expect(r.ok).toBe(true);
  expect(r.tables.original).toBeGreaterThan(15);
  // pagila's payment partitions are merged into their parent: intended, each with its rule.
  expect(r.explained.length).toBeGreaterThan(0);
  for (const d of r.explained) expect(d.rules?.length, `${d.change} ${d.object}`).toBeGreaterThan(0);
  expect(r.explained.some((d) => d.change === "table missing" && /payment_p\d/.test(d.object))).toBe(true);
  // The rest of the report is untouched.
  const report = await prisma(store.url).assessmentReport.findUniqueOrThrow({ where: { assessmentId: id } });
  expect((report.report as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
});

test("a script that loses a unique key fails the verification, naming the key and the statement", async () => {
  const text = "CREATE TABLE a (id bigint PRIMARY KEY, code text);\nALTER TABLE a ADD CONSTRAINT a_code_key UNIQUE (code);\n";
  const id = await analysed("broken.sql", text);
  // The job runs here, not through the queue, with the script broken on purpose.
  await writeVerification(prisma(store.url), id, { status: "queued", requestedAt: new Date().toISOString() });
  await runVerifyJob(
    prisma(store.url),
    id,
    undefined,
    () => {},
    (rw) => {
      rw.statements[0].sql = rw.statements[0].sql.replace(/,\s*CONSTRAINT a_code_key UNIQUE \(code\)/, "");
    },
  );
  const v = (await readVerification(prisma(store.url), id)) as Extract<VerificationState, { status: "done" }>;
  expect(v.status).toBe("done");
  expect(v.result.ok).toBe(false);
  expect(v.result.unexplained).toEqual([
    expect.objectContaining({
      change: "unique key missing",
      object: "public.a a_code_key",
      statement: expect.objectContaining({ seq: 1 }),
    }),
  ]);

  // A verification whose worker vanished long ago does not block a new one; the real script passes.
  const longAgo = new Date(Date.now() - 3 * 60 * 60 * 1000).toISOString();
  await writeVerification(prisma(store.url), id, { status: "running", requestedAt: longAgo, startedAt: longAgo });
  const fresh = await requestVerification(prisma(store.url), id);
  expect(fresh.requestedAt).not.toBe(longAgo);
  const state = await finished(id);
  expect(state.status === "done" && state.result.ok, JSON.stringify(state).slice(0, 500)).toBe(true);
});

test("an offline snapshot is verified from its catalog's DDL; a live connection says it needs the DDL", async () => {
  const source = await startPg18();
  let snapshot: string;
  try {
    await source.createDatabase("app");
    const c = new pg.Client({ connectionString: source.urlFor("app") });
    await c.connect();
    await c.query(
      "CREATE TABLE a (id serial PRIMARY KEY, code text UNIQUE); CREATE TABLE b (id bigint PRIMARY KEY, a_id integer REFERENCES a);",
    );
    await c.end();
    snapshot = JSON.stringify(await collectSource(source.urlFor("app"), { sampleSeconds: 0 }));
  } finally {
    await source.stop();
  }
  const id = await analysed("app.snapshot.json", snapshot, "snapshot");
  await requestVerification(prisma(store.url), id);
  const state = await finished(id);
  expect(state.status, state.status === "failed" ? state.error : "").toBe("done");
  const r = (state as Extract<VerificationState, { status: "done" }>).result;
  expect(r).toMatchObject({ ok: true, unexplained: [], failures: [], tables: { original: 2, rewritten: 2 } });

  expect(cannotVerify({ sourceKind: "connection", status: "done" }, 0)).toMatch(/needs the uploaded DDL/);
  expect(cannotVerify({ sourceKind: "upload", status: "running" }, 1)).toMatch(/running/);
});
