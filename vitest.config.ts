import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Two projects: pure engine tests share one thread pool without re-importing the parser per file
 * (~20× faster), and integration tests that start real PostgreSQL servers or worker processes run
 * isolated in forks.
 */
const INTEGRATION = [
  "lib/jobs/**/*.test.ts",
  "lib/store/**/*.test.ts",
  "test/source/**/*.test.ts",
  "test/rewrite-corpus.test.ts",
  "test/rewrite-dumps.test.ts",
  "test/integration/**/*.test.ts",
];

export default defineConfig({
  // The @/ import alias of tsconfig.json (paths), for code run by vitest.
  resolve: { alias: { "@/": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "test/**/*.test.ts"],
          exclude: [...INTEGRATION, "node_modules/**"],
          pool: "threads",
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: INTEGRATION,
          pool: "forks",
        },
      },
    ],
  },
});
