// `npm run test:e2e`: build the app (skip with E2E_SKIP_BUILD=1), then run the Playwright suite against
// it on a fresh embedded PostgreSQL in a temporary directory, on a free port. Screenshots of every page
// land in test-results/screens/.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, CHECKPOINT_DISABLE: "1", NEXT_TELEMETRY_DISABLED: "1" };
const t0 = Date.now();
if (process.env.E2E_SKIP_BUILD !== "1") {
  const b = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit", env });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const port = await new Promise((resolve, reject) => {
  const s = createServer();
  s.on("error", reject);
  s.listen(0, "127.0.0.1", () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const dataDir = mkdtempSync(join(tmpdir(), "preflight-e2e-"));
const t1 = Date.now();
const r = spawnSync("npx", ["playwright", "test", "--config", "e2e/playwright.config.ts", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...env, E2E_PORT: String(port), E2E_DATA_DIR: dataDir },
});
// As root the cluster lives in the postgres user's home, linked from DATA_DIR/pg.
if (existsSync(join(dataDir, "pg"))) rmSync(realpathSync(join(dataDir, "pg")), { recursive: true, force: true });
rmSync(dataDir, { recursive: true, force: true });
console.log(
  `e2e: build ${((t1 - t0) / 1000).toFixed(1)} s, tests ${((Date.now() - t1) / 1000).toFixed(1)} s, total ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
process.exit(r.status ?? 1);
