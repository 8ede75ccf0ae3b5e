import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, expect, test } from "vitest";
import { openStore } from "./bootstrap";

const dir = mkdtempSync(join(tmpdir(), "preflight-store-"));
afterAll(() => {
  // As root the cluster lives in the postgres user's home, linked from DATA_DIR/pg.
  if (existsSync(join(dir, "pg"))) rmSync(realpathSync(join(dir, "pg")), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

test("embedded store: migrations apply on start, data survives a restart", async () => {
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  process.env.DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  try {
    const first = await openStore({ log: () => {} });
    expect(first.mode).toBe("embedded");
    expect(first.appliedMigrations.length).toBeGreaterThanOrEqual(2);
    const c = new pg.Client({ connectionString: first.url });
    await c.connect();
    await c.query(
      `insert into "Assessment" (id, name, "sourceKind", "sourceLabel", "targetDate", "keyStrategy", "updatedAt") values (gen_random_uuid(), 'kept', 'paste', 'Pasted SQL', '2026-09-15', 'keep', now())`,
    );
    await c.end();
    await first.stop();

    const second = await openStore({ log: () => {} });
    expect(second.appliedMigrations).toEqual([]);
    const c2 = new pg.Client({ connectionString: second.url });
    await c2.connect();
    const r = await c2.query(`select name from "Assessment"`);
    const m = await c2.query(`select count(*)::int as n from _prisma_migrations where finished_at is not null`);
    await c2.end();
    await second.stop();
    expect(r.rows.map((x) => x.name)).toEqual(["kept"]);
    expect(m.rows[0].n).toBe(first.appliedMigrations.length);
  } finally {
    if (saved.DATA_DIR === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = saved.DATA_DIR;
    if (saved.DATABASE_URL !== undefined) process.env.DATABASE_URL = saved.DATABASE_URL;
  }
});
