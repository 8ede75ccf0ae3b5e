/**
 * End-to-end tests against the built app (`npm run build`) on an embedded PostgreSQL in a temporary
 * data directory, driven in Debian's Chromium. Run through `npm run test:e2e` (scripts/e2e.mjs), which
 * builds, picks free ports and cleans up.
 *
 * The "setup" project signs up the first admin through the first-run page and saves the session
 * (test-results/.auth/admin.json); every other spec reuses it.
 */
import { defineConfig } from "@playwright/test";
import { CHROMIUM_FLAGS } from "../lib/report/pdf";

const port = Number(process.env.E2E_PORT ?? 3100);
const root = new URL("..", import.meta.url).pathname;
const ADMIN_STATE = `${root}test-results/.auth/admin.json`;

export default defineConfig({
  testDir: ".",
  outputDir: `${root}test-results/e2e`,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 900 },
    screenshot: "only-on-failure",
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "app", testMatch: /.*\.spec\.ts/, dependencies: ["setup"], use: { storageState: ADMIN_STATE } },
  ],
  webServer: {
    command: "node scripts/serve.mjs",
    cwd: root,
    url: `http://127.0.0.1:${port}/signin`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(port),
      NODE_ENV: "production",
      DATA_DIR: process.env.E2E_DATA_DIR ?? `${root}.data-e2e`,
      // The live specs assess the suite's own embedded server, which is refused unless listed.
      SOURCE_HOSTS: process.env.SOURCE_HOSTS ?? "127.0.0.1",
      // The documented default (50 MB) unless a run sets another.
      ...(process.env.UPLOAD_MAX_BYTES ? { UPLOAD_MAX_BYTES: process.env.UPLOAD_MAX_BYTES } : {}),
      NEXT_TELEMETRY_DISABLED: "1",
      CHECKPOINT_DISABLE: "1",
    },
  },
});
