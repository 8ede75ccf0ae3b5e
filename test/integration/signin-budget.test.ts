/** Password spraying: many emails from one address run into a per-address budget, not just per-email limits. */
import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openStore, type Store } from "../../lib/store/bootstrap";

const dataDir = mkdtempSync(join(tmpdir(), "preflight-signin-"));
let store: Store;
let accounts: typeof import("../../lib/auth/accounts");
const BUDGET = 12;

beforeAll(async () => {
  process.env.DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  store = await openStore({ log: () => {} });
  process.env.DATABASE_URL = store.url;
  process.env.SIGNIN_MAX_FAILURES_PER_ADDRESS = String(BUDGET);
  accounts = await import("../../lib/auth/accounts");
});

afterAll(async () => {
  const { prisma } = await import("../../lib/store/prisma");
  await prisma().$disconnect();
  await store?.stop();
  if (existsSync(join(dataDir, "pg"))) rmSync(realpathSync(join(dataDir, "pg")), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

test("one address trying many emails is stopped after the per-address budget", async () => {
  const { signIn, createUser, SIGNIN_MAX_FAILURES } = accounts;
  await createUser({ email: "victim@example.com", password: "correct horse battery", role: "member" });
  const sprayer = "203.0.113.7";
  expect(BUDGET).toBeGreaterThan(SIGNIN_MAX_FAILURES);
  // Every email stays under its own limit: only the per-address budget can stop this.
  for (let i = 0; i < BUDGET; i++) {
    expect(await codeOf(signIn(`user${i}@example.com`, "Winter2026!", sprayer))).toBe("invalid-credentials");
  }
  expect(await codeOf(signIn("user-next@example.com", "Winter2026!", sprayer))).toBe("rate-limited");
  // Even a correct password from that address waits, with a retry time.
  const err = await signIn("victim@example.com", "correct horse battery", sprayer).catch(
    (e) => e as { code: string; retryAfterSeconds: number; message: string },
  );
  expect(err).toMatchObject({ code: "rate-limited" });
  expect((err as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
  expect((err as { message: string }).message).toMatch(/from your address/);
  // Another address is unaffected.
  expect(await codeOf(signIn("victim@example.com", "correct horse battery", "198.51.100.2"))).toBe("ok");
});
